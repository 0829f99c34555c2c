// Reading and claiming attachment rows: the files of a set of messages, and the uploads a
// message is about to take (each in its own conversation, once).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type AttachmentRow, attachments } from '../db/schema';
import { AppError } from '../errors';

/** Each message's attachments in their order; messages without any are absent. */
export async function listMessageAttachments(
  q: Queryable,
  messageIds: string[],
): Promise<Map<string, AttachmentRow[]>> {
  const byMessage = new Map<string, AttachmentRow[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await q
    .select()
    .from(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .orderBy(asc(attachments.messageId), asc(attachments.position));
  for (const row of rows) {
    const list = byMessage.get(row.messageId!) ?? [];
    list.push(row);
    byMessage.set(row.messageId!, list);
  }
  return byMessage;
}

/**
 * Locks the uploads `ids` for a message of `conversationId`, in the order given. Refused:
 * an id that is not an upload of this conversation (400) or one another message took (409).
 */
export async function claimUploads(
  tx: Queryable,
  conversationId: string,
  ids: string[],
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(attachments)
    .where(and(inArray(attachments.id, ids), eq(attachments.conversationId, conversationId)))
    .for('update');
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) {
      throw new AppError(
        'invalid_request',
        `Attachment ${id} is not an upload of this conversation`,
      );
    }
    if (row.messageId) throw new AppError('conflict', `Attachment ${id} was already sent`);
    return row;
  });
}

/** Gives the claimed uploads to the message, numbered in their order. */
export function attachUploads(tx: Queryable, messageId: string, ids: string[]) {
  return tx
    .update(attachments)
    .set({
      messageId,
      position: sql`array_position(array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[], ${attachments.id})`,
    })
    .where(inArray(attachments.id, ids));
}
