// The one presenter of attachments: a row in, the `Attachment` a viewer gets out, its links
// signed for that viewer.
import type { Attachment, Message } from '../contracts/dto';
import type { AttachmentRow } from '../db/schema';
import { attachmentUrl, type Viewer } from './signed-url';

export type { Viewer };

export const agentsViewer: Viewer = { kind: 'agents' };
export const customerViewer = (conversation: { tokenVersion: number }): Viewer => ({
  kind: 'customer',
  tokenVersion: conversation.tokenVersion,
});

type Presentable = Pick<
  AttachmentRow,
  'id' | 'name' | 'type' | 'size' | 'width' | 'height' | 'thumbnailKey'
> & { conversationId: string | null };

export function presentAttachment(
  row: Presentable,
  conversationId: string,
  viewer: Viewer,
): Attachment {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    size: row.size,
    ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
    url: attachmentUrl(conversationId, row.id, 'file', viewer),
    ...(row.thumbnailKey
      ? { thumbnailUrl: attachmentUrl(conversationId, row.id, 'thumb', viewer) }
      : {}),
  };
}

/** The same message with its links signed for another viewer (events carry the customer's). */
export function signMessageFor(message: Message, viewer: Viewer): Message {
  if (message.attachments.length === 0) return message;
  return {
    ...message,
    attachments: message.attachments.map((attachment) => ({
      ...attachment,
      url: attachmentUrl(message.conversationId, attachment.id, 'file', viewer),
      ...(attachment.thumbnailUrl
        ? { thumbnailUrl: attachmentUrl(message.conversationId, attachment.id, 'thumb', viewer) }
        : {}),
    })),
  };
}
