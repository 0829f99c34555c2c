// Removing attachments for good: bytes first, then the rows, in bounded batches. The rows
// that go are those without a conversation: the conversation was deleted (bulk delete,
// retention: the foreign key let go of them), or the upload was never sent with a message
// or note within a day and was let go here. A failure leaves the rows for the next sweep, so no
// row is forgotten while its bytes are kept. No transaction spans the storage calls.
import { and, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { db } from '../db/client';
import { type AttachmentRow, attachments } from '../db/schema';
import { attachmentStorage } from './storage/select-storage';

const BATCH = 200;
export const UNSENT_UPLOAD_MS = 24 * 3600 * 1000;

export const storedKeys = (rows: Pick<AttachmentRow, 'storageKey' | 'thumbnailKey'>[]) =>
  rows.flatMap((row) => [row.storageKey, ...(row.thumbnailKey ? [row.thumbnailKey] : [])]);

/** The files of deleted conversations (and of uploads let go); returns how many went. */
export async function removeDetachedAttachments(): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await db()
      .select({
        id: attachments.id,
        storageKey: attachments.storageKey,
        thumbnailKey: attachments.thumbnailKey,
      })
      .from(attachments)
      .where(isNull(attachments.conversationId))
      .limit(BATCH);
    if (rows.length === 0) return removed;
    await attachmentStorage().delete(storedKeys(rows));
    await db()
      .delete(attachments)
      .where(
        inArray(
          attachments.id,
          rows.map((row) => row.id),
        ),
      );
    removed += rows.length;
    if (rows.length < BATCH) return removed;
  }
}

/**
 * Lets go of uploads that no message or note took within a day of `now`, and removes them. Letting
 * go is one statement under row locks: a message taking such an upload at that moment
 * either wins (and keeps it) or finds it gone from the conversation.
 */
export async function removeUnsentUploads(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNSENT_UPLOAD_MS);
  await db()
    .update(attachments)
    .set({ conversationId: null })
    .where(
      inArray(
        attachments.id,
        db()
          .select({ id: attachments.id })
          .from(attachments)
          .where(
            and(
              isNull(attachments.messageId),
              isNull(attachments.noteId),
              isNotNull(attachments.conversationId),
              lt(attachments.createdAt, cutoff),
            ),
          )
          .for('update', { skipLocked: true }),
      ),
    );
  return removeDetachedAttachments();
}
