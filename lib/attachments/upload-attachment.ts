// Someone uploads a file into a conversation, to send it with a message afterwards. The
// checks (the conversation, its quota, the upload rate, the type from the bytes) come
// first; then images are re-encoded; the bytes are written before the row, so a crash in
// between leaves only bytes without a row, which the orphan sweep removes.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import { formatBytes } from '../contracts/attachments';
import { getConversation } from '../conversations/conversation-rows';
import { db } from '../db/client';
import { isForeignKeyViolation } from '../db/errors';
import { type AttachmentRow, attachments } from '../db/schema';
import { env } from '../env';
import { AppError, notFound } from '../errors';
import { logger } from '../log';
import { limitUploads } from '../rate-limit';
import { inspectFile } from './inspect-file';
import { processImage } from './process-image';
import { attachmentStorage } from './storage/select-storage';
import { storageKeyFor, thumbnailKeyFor } from './storage/storage';

export interface UploadInput {
  name: string;
  bytes: Buffer;
}

async function assertWithinQuota(conversationId: string, size: number): Promise<void> {
  const { quotaFiles, quotaBytes } = env().attachments;
  const [usage] = await db()
    .select({
      files: sql<number>`count(*)::int`,
      bytes: sql<number>`coalesce(sum(${attachments.size}), 0)::bigint`.mapWith(Number),
    })
    .from(attachments)
    .where(eq(attachments.conversationId, conversationId));
  if ((usage?.files ?? 0) >= quotaFiles) {
    throw new AppError('too_large', `This conversation already has ${quotaFiles} files`);
  }
  if ((usage?.bytes ?? 0) + size > quotaBytes) {
    throw new AppError(
      'too_large',
      `This conversation's files would pass ${formatBytes(quotaBytes)} in all`,
    );
  }
}

export async function uploadAttachment(
  conversationId: string,
  input: UploadInput,
  actor: Actor,
): Promise<AttachmentRow> {
  const conversation = await getConversation(db(), conversationId);
  if (actor.type === 'customer' && conversation.status === 'blocked') {
    throw new AppError('blocked', 'This conversation is blocked');
  }
  await limitUploads(conversationId);
  const isAgent = actor.type !== 'customer';
  const file = await inspectFile(input.bytes, input.name, { allowMedia: isAgent });
  const image = file.class === 'image' ? await processImage(input.bytes, file.type) : null;
  const bytes = image?.bytes ?? input.bytes;
  await assertWithinQuota(conversationId, bytes.length);

  const id = randomUUID();
  const storageKey = storageKeyFor(conversationId, id);
  const thumbnailKey = image ? thumbnailKeyFor(conversationId, id) : null;
  const storage = attachmentStorage();
  await storage.put(storageKey, bytes, file.type);
  if (image && thumbnailKey) await storage.put(thumbnailKey, image.thumbnail, 'image/webp');
  try {
    const [row] = await db()
      .insert(attachments)
      .values({
        id,
        conversationId,
        uploadedBy: actorLabel(actor),
        name: file.name,
        type: file.type,
        size: bytes.length,
        width: image?.width ?? null,
        height: image?.height ?? null,
        storageKey,
        thumbnailKey,
      })
      .returning();
    return row!;
  } catch (error) {
    const keys = [storageKey, ...(thumbnailKey ? [thumbnailKey] : [])];
    await storage.delete(keys).catch((cleanup) => {
      logger().warn({ err: cleanup, attachmentId: id }, 'could not remove unsaved upload');
    });
    if (isForeignKeyViolation(error)) throw notFound('Conversation');
    throw error;
  }
}

/** The uploaded file of a conversation (for downloads); 404 when it is not there. */
export async function getAttachment(
  conversationId: string,
  attachmentId: string,
): Promise<AttachmentRow> {
  const [row] = await db()
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.conversationId, conversationId)));
  if (!row) throw notFound('Attachment');
  return row;
}
