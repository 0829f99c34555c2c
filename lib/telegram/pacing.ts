// Per-chat pacing shared by every instance through the database, as Telegram counts: a
// reservoir of RESERVOIR calls per window (a minute at 20 calls a minute), so a quiet group
// gets a burst at once, each call at least a short spacing after the one before, and never
// more than RESERVOIR calls in any window. A customer's private chat with the bot has a
// budget of its own, about one message a second. A 429 pauses the whole chat for
// `retry_after`.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/client';

/** Telegram's reservoir per group: about 20 calls, topic creation and edits included. */
export const RESERVOIR = 20;
/** The longest gap between two calls of a burst: a new topic, its header and the first
 * message go out within a second. */
const MAX_SPACING_MS = 500;
/** Calls reach Telegram a little later than their slot, some later than others: the window
 * is counted this much wider so the 21st never lands inside the first one's minute. */
const WINDOW_MARGIN = 1.05;

export interface Pace {
  /** No more than RESERVOIR calls in any window this long. */
  windowMs: number;
  /** Between two consecutive calls. */
  spacingMs: number;
}

/** The pace of a chat allowed `callsPerMinute`: the reservoir's window scales with it. */
export function paceFor(callsPerMinute: number): Pace {
  const interval = 60_000 / callsPerMinute;
  return {
    windowMs: interval * RESERVOIR * WINDOW_MARGIN,
    spacingMs: Math.min(MAX_SPACING_MS, interval),
  };
}

/** A private chat with a customer: Telegram allows about one message a second there. */
export const PRIVATE_CHAT_PACE: Pace = {
  windowMs: 1000 * RESERVOIR * WINDOW_MARGIN,
  spacingMs: 1000,
};

/** Private chats have the user's (positive) id; groups and channels negative ones. */
export const isPrivateChat = (chatId: number) => chatId > 0;

/** The pace of a chat: a group's follows the configured rate, a private chat's its own. */
export const paceOf = (chatId: number, groupCallsPerMinute: number): Pace =>
  isPrivateChat(chatId) ? PRIVATE_CHAT_PACE : paceFor(groupCallsPerMinute);

/** Takes the next send slot of the chat; resolves to its time (epoch ms). */
export async function reserveSlot(tx: Queryable, chatId: number, pace: Pace): Promise<number> {
  const spacing = sql`make_interval(secs => ${pace.spacingMs / 1000})`;
  const window = sql`make_interval(secs => ${pace.windowMs / 1000})`;
  const take = async () =>
    rowsOf<{ slot: number | string }>(
      await tx.execute(sql`
        update telegram_chats c set
          next_send_at = s.at,
          recent_sends = (c.recent_sends || s.at)[greatest(1, cardinality(c.recent_sends) + 2 - ${RESERVOIR}):]
        from (
          select greatest(
            now(),
            coalesce(paused_until, now()),
            coalesce(recent_sends[cardinality(recent_sends)] + ${spacing}, now()),
            coalesce(recent_sends[cardinality(recent_sends) + 1 - ${RESERVOIR}] + ${window}, now())
          ) as at
          from telegram_chats where chat_id = ${chatId} for update
        ) s
        where c.chat_id = ${chatId}
        returning extract(epoch from s.at) * 1000 as slot`),
    );
  let rows = await take();
  if (rows.length === 0) {
    await tx.execute(
      sql`insert into telegram_chats (chat_id) values (${chatId}) on conflict do nothing`,
    );
    rows = await take();
  }
  return Number(rows[0]!.slot);
}

/** Whether the chat has spent half its reservoir or more: then customer messages wait a
 * moment for the next ones, so a burst costs one call. */
export async function isReservoirLow(tx: Queryable, chatId: number, pace: Pace): Promise<boolean> {
  const window = sql`make_interval(secs => ${pace.windowMs / 1000})`;
  const rows = rowsOf<{ spent: number | string }>(
    await tx.execute(sql`
      select count(*) as spent from telegram_chats, unnest(recent_sends) as sent
      where chat_id = ${chatId} and sent > now() - ${window}`),
  );
  return Number(rows[0]?.spent ?? 0) * 2 >= RESERVOIR;
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
