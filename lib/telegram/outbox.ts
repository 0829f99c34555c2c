// Adding work to the Telegram outbox. Rows are delivered in event order per lane; the lane
// of a conversation is its id, so its topic sees things in the order they happened.
import { EventEmitter } from 'node:events';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import type { TelegramOutboxRow, TelegramReplyMarkup } from '../db/schema';
import { processSingleton } from '../singleton';

export interface OutboxItem {
  kind: TelegramOutboxRow['kind'];
  /** A conversation's topic; or, without one, `chatId`/`threadId` name the place. */
  conversationId?: string;
  chatId?: number;
  threadId?: number | null;
  text?: string;
  /** The Parley message a post mirrors, or an edit or deletion changes. */
  messageId?: string;
  /** The Parley message a post answers: sent as a reply to its copy. */
  replyToMessageId?: string;
  /** Files to post, with `text` as their caption (lib/telegram/media.ts). */
  attachmentIds?: string[];
  /** Inline buttons under the post (a customer's private chat). */
  replyMarkup?: TelegramReplyMarkup;
  coalescible?: boolean;
  pin?: boolean;
  /** Makes adding the same item twice (a redelivered event) a no-op. */
  dedupeKey?: string;
  /** The event the item comes from; without one it follows every event so far. */
  position?: number;
}

export const chatLane = (chatId: number, threadId?: number | null) =>
  `chat:${chatId}:${threadId ?? 0}`;

/**
 * The INSERT for `items`. A conversation's rows are kept only while it has a topic (or
 * `topicRequested` says one is being asked for in the same statement); rows for a
 * conversation deleted meanwhile simply vanish.
 */
export function outboxInsert(items: OutboxItem[], topicRequested: SQL = sql`false`): SQL {
  const uuids = (ids: string[] = []) =>
    ids.length
      ? sql`array[${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]`
      : sql`'{}'`;
  const rows = items.map(
    (item) => sql`(
      ${item.conversationId ?? chatLane(item.chatId!, item.threadId)}::text,
      ${item.position ?? sql`(select coalesce(max(id), 0) from events)`}::bigint,
      ${item.conversationId ?? null}::uuid, ${item.chatId ?? null}::bigint,
      ${item.threadId ?? null}::integer, ${item.kind}::text, ${item.text ?? null}::text,
      ${item.coalescible ?? false}::boolean, ${item.pin ?? false}::boolean,
      ${item.dedupeKey ?? null}::text, ${uuids(item.attachmentIds)}::uuid[],
      ${item.messageId ?? null}::uuid, ${item.replyToMessageId ?? null}::uuid,
      ${item.replyMarkup ? JSON.stringify(item.replyMarkup) : null}::jsonb)`,
  );
  return sql`
    insert into telegram_outbox
      (lane, position, conversation_id, chat_id, thread_id, kind, text, coalescible, pin,
       dedupe_key, attachment_ids, message_id, reply_to_message_id, reply_markup)
    select * from (values ${sql.join(rows, sql`, `)}) as item
      (lane, position, conversation_id, chat_id, thread_id, kind, text, coalescible, pin,
       dedupe_key, attachment_ids, message_id, reply_to_message_id, reply_markup)
    where item.conversation_id is null
       or ${topicRequested}
       or exists (select 1 from telegram_topics t where t.conversation_id = item.conversation_id)
    on conflict (dedupe_key) do nothing`;
}

/** Adds rows; call `wakeTelegramSender` once they are committed. */
export async function enqueueTelegram(tx: Queryable, items: OutboxItem[]): Promise<void> {
  if (items.length) await tx.execute(outboxInsert(items));
}

const emitter = () => processSingleton('telegram.outbox.wake', () => new EventEmitter());

export function wakeTelegramSender(): void {
  emitter().emit('wake');
}

export function onTelegramSenderWake(listener: () => void): () => void {
  emitter().on('wake', listener);
  return () => emitter().off('wake', listener);
}
