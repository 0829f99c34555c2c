// Reading and claiming attachment rows: the files of a set of messages, and the uploads a
// message is about to take (each in its own conversation, once).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type AttachmentRow, attachments } from '../db/schema';
import { AppError } from '../errors';

/** What carries attachments: a message, or a private note (agents only). */
export type Carrier = { messageId: string } | { noteId: string };
type CarrierKind = 'messageId' | 'noteId';

/** Each carrier's attachments in their order; carriers without any are absent. */
export async function listAttachments(
  q: Queryable,
  kind: CarrierKind,
  ids: string[],
): Promise<Map<string, AttachmentRow[]>> {
  const byCarrier = new Map<string, AttachmentRow[]>();
  if (ids.length === 0) return byCarrier;
  const column = attachments[kind];
  const rows = await q
    .select()
    .from(attachments)
    .where(inArray(column, ids))
    .orderBy(asc(column), asc(attachments.position));
  for (const row of rows) {
    const id = row[kind]!;
    const list = byCarrier.get(id) ?? [];
    list.push(row);
    byCarrier.set(id, list);
  }
  return byCarrier;
}

export const listMessageAttachments = (q: Queryable, messageIds: string[]) =>
  listAttachments(q, 'messageId', messageIds);

/**
 * Locks the uploads `ids` for a message or note of `conversationId`, in the order given.
 * Refused: an id that is not an upload of this conversation (400) or one another message or
 * note took (409).
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
    if (row.messageId || row.noteId) {
      throw new AppError('conflict', `Attachment ${id} was already sent`);
    }
    return row;
  });
}

/** Gives the claimed uploads to the message or note, numbered in their order. */
export function attachUploads(tx: Queryable, carrier: Carrier, ids: string[]) {
  return tx
    .update(attachments)
    .set({
      ...carrier,
      position: sql`array_position(array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[], ${attachments.id})`,
    })
    .where(inArray(attachments.id, ids));
}
