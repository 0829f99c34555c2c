// Deleting conversations for good: the rows go with their transcript, notes and events (the
// foreign keys cascade), and each Telegram topic is deleted afterwards by the Telegram
// channel on a `conversation.purged` event. Their attachments are let go by the foreign key
// and their bytes removed once the rows are gone (or by the next sweep, should that fail).
// Used by bulk delete and by retention.
import { and, inArray, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import { removeDetachedAttachments } from '../attachments/remove-attachments';
import { writeAudit } from '../audit/write-audit';
import type { BulkDeleteInput } from '../contracts/admin';
import type { Transaction } from '../db/client';
import { conversations, events } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { logger } from '../log';
import { conversationFilters } from './conversation-filters';

/** Conversations per transaction: a huge delete never holds one giant transaction. */
export const DELETE_BATCH = 500;

/**
 * Locks up to `limit` conversations matching `where` and deletes them in `tx`; returns how
 * many went. `skipLocked` leaves rows another transaction holds for a later run (retention
 * on several instances); without it the delete waits for them.
 */
export async function deleteConversationBatch(
  tx: Transaction,
  where: SQL | undefined,
  actor: Actor,
  options: { limit?: number; skipLocked?: boolean } = {},
): Promise<number> {
  const doomed = await tx
    .select({
      id: conversations.id,
      telegramChatId: conversations.telegramChatId,
      telegramThreadId: conversations.telegramThreadId,
    })
    .from(conversations)
    .where(where)
    .limit(options.limit ?? DELETE_BATCH)
    .for('update', options.skipLocked ? { skipLocked: true } : {});
  if (doomed.length === 0) return 0;
  const ids = doomed.map((c) => c.id);
  // Events carry message texts: they go with the conversation.
  await tx.delete(events).where(inArray(events.conversationId, ids));
  await tx.delete(conversations).where(inArray(conversations.id, ids));
  // Recorded after the rows are gone, so nothing can recreate the topic once it is deleted.
  for (const conversation of doomed.filter((c) => c.telegramThreadId !== null)) {
    await recordEvent(tx, 'conversation.purged', actor, conversation.id, {
      conversationId: conversation.id,
      telegramChatId: conversation.telegramChatId,
      telegramThreadId: conversation.telegramThreadId,
    });
  }
  return doomed.length;
}

/** Removes the bytes of the deleted conversations' files now; the sweep retries a failure. */
export async function removeDeletedFiles(): Promise<void> {
  await removeDetachedAttachments().catch((error) =>
    logger().warn({ err: error }, 'could not remove deleted attachments yet'),
  );
}

/** What the audit entry says was asked for: the ids' count or the filter, as sent. */
function describeRequest(input: BulkDeleteInput): Record<string, unknown> {
  if ('ids' in input) return { ids: input.ids.length };
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

/** Deletes the listed conversations, or every one matching a filter, in bounded batches. */
export async function bulkDeleteConversations(
  input: BulkDeleteInput,
  actor: Actor,
): Promise<{ deleted: number }> {
  let deleted = 0;
  if ('ids' in input) {
    const ids = [...new Set(input.ids)];
    for (let start = 0; start < ids.length; start += DELETE_BATCH) {
      const chunk = ids.slice(start, start + DELETE_BATCH);
      deleted += await inTransaction((tx) =>
        deleteConversationBatch(tx, inArray(conversations.id, chunk), actor),
      );
    }
  } else {
    for (;;) {
      const batch = await inTransaction((tx) => {
        const where = and(
          conversationFilters(tx, input),
          input.before ? lt(conversations.lastActivityAt, input.before) : undefined,
        );
        return deleteConversationBatch(tx, where, actor);
      });
      deleted += batch;
      if (batch < DELETE_BATCH) break;
    }
  }
  await removeDeletedFiles();
  await inTransaction((tx) =>
    writeAudit(tx, actor, 'conversations.bulk_deleted', null, {
      count: deleted,
      filter: describeRequest(input),
    }),
  );
  return { deleted };
}
