// The bytes behind a download link: the file or its thumbnail, from the storage.
import { isImageType } from '../contracts/attachments';
import type { AttachmentRow } from '../db/schema';
import { notFound } from '../errors';
import { THUMBNAIL_TYPE } from './process-image';
import type { Variant, Viewer } from './signed-url';
import { attachmentStorage } from './storage/select-storage';
import { getAttachment } from './upload-attachment';

export interface OpenedAttachment {
  row: AttachmentRow;
  body: ReadableStream<Uint8Array>;
  type: string;
  /** Known for the file itself; thumbnails are streamed without a length. */
  size: number | null;
  /** Shown in the browser (images) rather than saved as a file. */
  inline: boolean;
}

export async function openAttachment(
  conversationId: string,
  attachmentId: string,
  variant: Variant,
  viewer: Viewer,
): Promise<OpenedAttachment> {
  const row = await getAttachment(conversationId, attachmentId);
  // A note's files are for agents, whatever link a customer might hold.
  if (row.noteId && viewer.kind !== 'agents') throw notFound('Attachment');
  const key = variant === 'thumb' ? row.thumbnailKey : row.storageKey;
  if (!key) throw notFound('Thumbnail');
  const body = await attachmentStorage().open(key);
  if (!body) throw notFound('Attachment file');
  return variant === 'thumb'
    ? { row, body, type: THUMBNAIL_TYPE, size: null, inline: true }
    : { row, body, type: row.type, size: row.size, inline: isImageType(row.type) };
}
