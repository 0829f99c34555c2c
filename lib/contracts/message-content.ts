// What a message is made of when someone sends it: text (which may be empty when files come
// with it) and the ids of attachments uploaded beforehand.
import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments';
import { MAX_RAW_TEXT_LENGTH, MAX_TEXT_LENGTH, normalizeText } from './text';

/** Text beside attachments: the same rules as `textSchema`, but it may be empty. */
export const messageTextSchema = z
  .string()
  .max(MAX_RAW_TEXT_LENGTH, `Text is over ${MAX_TEXT_LENGTH} characters`)
  .transform(normalizeText)
  .pipe(z.string().max(MAX_TEXT_LENGTH, `Text is over ${MAX_TEXT_LENGTH} characters`));

/** Uploads to send with the message, each once, in the order given. */
export const attachmentIdsSchema = z
  .array(z.uuid('Expected a uuid'))
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`)
  .transform((ids) => [...new Set(ids)]);

export interface MessageContent {
  text: string;
  attachmentIds?: string[];
  /** A message of the same conversation this one quotes. */
  replyToId?: string;
}

/** The fields of a message being sent; refine with `hasMessageContent` so it is not empty. */
export const messageContentShape = {
  text: messageTextSchema,
  attachmentIds: attachmentIdsSchema.optional(),
  replyToId: z.uuid('replyToId: expected a uuid').optional(),
};

/** How long after sending its author may edit or delete a message (admins delete any, always). */
export const MESSAGE_EDIT_WINDOW_SECONDS = 15 * 60;

/** A new text for a message already sent: it may be empty only when files came with it. */
export const editMessageSchema = z.strictObject({ text: messageTextSchema });

export const hasMessageContent = (content: MessageContent): boolean =>
  content.text !== '' || (content.attachmentIds?.length ?? 0) > 0;

export const EMPTY_MESSAGE = { error: 'Text is empty', path: ['text'] };
