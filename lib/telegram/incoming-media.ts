// Files agents send in a topic (photos, documents, voice notes, videos): found in the
// message, fetched from Telegram (getFile, then the file's download link) within the Bot
// API's 20 MB download limit and Parley's own, and stored as an upload of the conversation.
// A file too big for either is refused before anything is fetched or sent.
import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Actor } from '../actor';
import { uploadAttachment } from '../attachments/upload-attachment';
import { formatBytes } from '../contracts/attachments';
import type { AttachmentRow } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';

/** Bots may download files up to 20 MB from the Bot API. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

export interface IncomingFile {
  fileId: string;
  /** As Telegram declared it, when it did. */
  size: number | undefined;
  name: string;
}

type MediaMessage = Message & { caption?: string };

/** The file a message carries, if it is one Parley passes on to the customer. */
export function incomingFile(message: Message): IncomingFile | null {
  const id = message.message_id;
  if ('photo' in message && message.photo.length) {
    const largest = message.photo.at(-1)!;
    return { fileId: largest.file_id, size: largest.file_size, name: `photo-${id}.jpg` };
  }
  if ('voice' in message) {
    return {
      fileId: message.voice.file_id,
      size: message.voice.file_size,
      name: `voice-${id}.ogg`,
    };
  }
  if ('video_note' in message) {
    const note = message.video_note;
    return { fileId: note.file_id, size: note.file_size, name: `video-${id}.mp4` };
  }
  if ('video' in message) {
    const { video } = message;
    return {
      fileId: video.file_id,
      size: video.file_size,
      name: video.file_name ?? `video-${id}.mp4`,
    };
  }
  if ('audio' in message) {
    const { audio } = message;
    return {
      fileId: audio.file_id,
      size: audio.file_size,
      name: audio.file_name ?? `audio-${id}.mp3`,
    };
  }
  if ('document' in message) {
    const { document } = message;
    return {
      fileId: document.file_id,
      size: document.file_size,
      name: document.file_name ?? `file-${id}`,
    };
  }
  return null;
}

export const captionOf = (message: Message) => (message as MediaMessage).caption ?? '';

/** The smaller of Telegram's download limit and ATTACHMENT_MAX_BYTES. */
export const incomingLimit = () => Math.min(TELEGRAM_DOWNLOAD_LIMIT, env().attachments.maxBytes);

const tooBig = (file: IncomingFile, limit: number) =>
  new AppError(
    'too_large',
    `${file.name} is over ${formatBytes(limit)}, the most Parley can take from Telegram; ` +
      'nothing was sent. Send a smaller file or a link',
  );

async function download(telegram: Telegram, file: IncomingFile, limit: number): Promise<Buffer> {
  const link = await telegram.getFileLink(file.fileId);
  const response = await fetch(link);
  if (!response.ok || !response.body) {
    throw new Error(`Telegram answered ${response.status} for a file download`);
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body.cancel();
    throw tooBig(file, limit);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooBig(file, limit);
    }
    chunks.push(value);
  }
}

/** Fetches the file and stores it as the agent's upload into the conversation. */
export async function receiveTelegramFile(
  telegram: Telegram,
  conversationId: string,
  file: IncomingFile,
  actor: Actor,
): Promise<AttachmentRow> {
  const limit = incomingLimit();
  if (file.size !== undefined && file.size > limit) throw tooBig(file, limit);
  const bytes = await download(telegram, file, limit);
  return uploadAttachment(conversationId, { name: file.name, bytes }, actor);
}
