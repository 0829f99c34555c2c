// Per-chat pacing shared by every instance through the database: each Bot API call into a
// group takes the next free slot (slots are 60 000 / messagesPerMinute ms apart), and a
// 429 pauses the whole chat for `retry_after`.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/client';

/** Takes the next send slot of the chat; resolves to its time (epoch ms). */
export async function reserveSlot(
  tx: Queryable,
  chatId: number,
  intervalMs: number,
): Promise<number> {
  const interval = sql`make_interval(secs => ${intervalMs / 1000})`;
  const rows = rowsOf<{ slot: number | string }>(
    await tx.execute(sql`
      insert into telegram_chats as c (chat_id, next_send_at)
      values (${chatId}, now() + ${interval})
      on conflict (chat_id) do update set next_send_at =
        greatest(c.next_send_at, now(), coalesce(c.paused_until, now())) + ${interval}
      returning extract(epoch from c.next_send_at - ${interval}) * 1000 as slot`),
  );
  return Number(rows[0]!.slot);
}

/** Honours a 429: nothing goes to this chat before `seconds` have passed. */
export async function pauseChat(tx: Queryable, chatId: number, seconds: number): Promise<void> {
  const until = sql`now() + make_interval(secs => ${seconds})`;
  await tx.execute(sql`
    insert into telegram_chats as c (chat_id, next_send_at, paused_until)
    values (${chatId}, ${until}, ${until})
    on conflict (chat_id) do update set
      paused_until = greatest(coalesce(c.paused_until, now()), ${until}),
      next_send_at = greatest(c.next_send_at, ${until})`);
}

/** When the chat's pause ends (epoch ms), or 0 when it is not paused. */
export async function pausedUntil(tx: Queryable, chatId: number): Promise<number> {
  const rows = rowsOf<{ until: number | string | null }>(
    await tx.execute(sql`
      select extract(epoch from paused_until) * 1000 as until
      from telegram_chats where chat_id = ${chatId} and paused_until > now()`),
  );
  return rows[0]?.until ? Number(rows[0].until) : 0;
}
