// Files in the topic: how a post's attachments go out — photos and documents uploaded by
// multipart (Telegram cannot reach a private server's links), several as an album, the
// post's text as the caption of the first. A post becomes a fixed list of steps, each
// giving a known number of Telegram messages, so the ids recorded so far say exactly which
// steps went out: after a restart the rest follows, and nothing is uploaded twice.
import { eq, inArray } from 'drizzle-orm';
import type { InputFile } from 'telegraf/types';
import { attachmentStorage } from '../attachments/storage/select-storage';
import type { Database } from '../db/client';
import { type AttachmentRow, attachments } from '../db/schema';
import type { Telegram } from './api';
import { splitText } from './format';

export const MAX_CAPTION_LENGTH = 1024;
const MAX_ALBUM = 10;
/** Telegram's limits for a photo; anything else goes as a document. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

export type MediaFile = Pick<
  AttachmentRow,
  'id' | 'name' | 'type' | 'size' | 'width' | 'height' | 'storageKey' | 'telegramFileId'
>;

type As = 'photo' | 'document';

export type MediaStep =
  | { kind: 'text'; text: string }
  | { kind: 'single'; as: As; file: MediaFile; caption?: string }
  | { kind: 'album'; as: As; files: MediaFile[]; caption?: string };

export function sendsAsPhoto(file: MediaFile): boolean {
  if (!PHOTO_TYPES.has(file.type) || file.size > MAX_PHOTO_BYTES) return false;
  const { width, height } = file;
  if (!width || !height) return false;
  return width + height <= 10_000 && Math.max(width, height) / Math.min(width, height) <= 20;
}

/** How many Telegram messages a step gives. */
export const messagesOf = (step: MediaStep) => (step.kind === 'album' ? step.files.length : 1);

/** The steps of a post: runs of photos and of documents in their order, ≤ 10 per album. */
export function planMedia(files: MediaFile[], text: string): MediaStep[] {
  const steps: MediaStep[] = [];
  let caption: string | undefined = text || undefined;
  if (caption && caption.length > MAX_CAPTION_LENGTH) {
    for (const part of splitText(caption)) steps.push({ kind: 'text', text: part });
    caption = undefined;
  }
  const runs: { as: As; files: MediaFile[] }[] = [];
  for (const file of files) {
    const as: As = sendsAsPhoto(file) ? 'photo' : 'document';
    const last = runs.at(-1);
    if (last && last.as === as && last.files.length < MAX_ALBUM) last.files.push(file);
    else runs.push({ as, files: [file] });
  }
  for (const run of runs) {
    const step: MediaStep =
      run.files.length === 1
        ? { kind: 'single', as: run.as, file: run.files[0]! }
        : { kind: 'album', as: run.as, files: run.files };
    if (caption) {
      step.caption = caption;
      caption = undefined;
    }
    steps.push(step);
  }
  if (caption) steps.push({ kind: 'text', text: caption });
  return steps;
}

/** The steps not yet sent, given how many messages of the post went out. */
export function remainingSteps(steps: MediaStep[], sentMessages: number): MediaStep[] {
  let counted = 0;
  for (let index = 0; index < steps.length; index++) {
    if (counted >= sentMessages) return steps.slice(index);
    counted += messagesOf(steps[index]!);
  }
  return [];
}

/** The post's files in the order it lists them (files deleted meanwhile left out). */
export async function loadMediaFiles(database: Database, ids: string[]): Promise<MediaFile[]> {
  if (ids.length === 0) return [];
  const rows = await database.select().from(attachments).where(inArray(attachments.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A name that is safe inside a multipart header. */
const uploadName = (name: string) => name.replace(/["\r\n\\]/g, '_') || 'file';

async function inputFile(file: MediaFile): Promise<InputFile | string> {
  if (file.telegramFileId) return file.telegramFileId;
  const bytes = await attachmentStorage().read(file.storageKey);
  if (!bytes) throw new Error(`the bytes of attachment ${file.id} are missing`);
  return { source: bytes, filename: uploadName(file.name) };
}

type SentMedia = {
  message_id: number;
  photo?: { file_id: string }[];
  document?: { file_id: string };
};

/** The id Telegram gave the uploaded file, so that it is never uploaded again. */
function sentFileId(message: SentMedia): string | undefined {
  return message.photo?.at(-1)?.file_id ?? message.document?.file_id;
}

export interface Place {
  chatId: number;
  threadId?: number;
  silent: boolean;
  /** The Telegram message this post answers. */
  replyTo?: number;
}

/** Sends one step; resolves with the Telegram ids of the messages it made. */
export async function sendMediaStep(
  telegram: Telegram,
  database: Database,
  step: MediaStep,
  place: Place,
): Promise<number[]> {
  // Only plain values here: telegraf 4.16 drops object-valued options (reply_parameters and
  // the like) from multipart calls unless they are passed as JSON strings.
  const extra = {
    message_thread_id: place.threadId,
    disable_notification: place.silent,
    ...(place.replyTo
      ? {
          reply_parameters: JSON.stringify({
            message_id: place.replyTo,
            allow_sending_without_reply: true,
          }) as unknown as { message_id: number },
        }
      : {}),
  };
  let sent: SentMedia[];
  let files: MediaFile[];
  if (step.kind === 'text') {
    return [(await telegram.sendMessage(place.chatId, step.text, extra)).message_id];
  }
  if (step.kind === 'single') {
    files = [step.file];
    const media = await inputFile(step.file);
    const options = { ...extra, ...(step.caption ? { caption: step.caption } : {}) };
    sent = [
      step.as === 'photo'
        ? await telegram.sendPhoto(place.chatId, media, options)
        : await telegram.sendDocument(place.chatId, media, options),
    ];
  } else {
    files = step.files;
    const items = await Promise.all(
      step.files.map(async (file, index) => ({
        type: step.as,
        media: await inputFile(file),
        ...(index === 0 && step.caption ? { caption: step.caption } : {}),
      })),
    );
    sent = await telegram.sendMediaGroup(
      place.chatId,
      items as Parameters<Telegram['sendMediaGroup']>[1],
      extra,
    );
  }
  await Promise.all(
    files.map(async (file, index) => {
      const fileId = sent[index] && sentFileId(sent[index]);
      if (fileId && fileId !== file.telegramFileId) {
        file.telegramFileId = fileId;
        await database
          .update(attachments)
          .set({ telegramFileId: fileId })
          .where(eq(attachments.id, file.id));
      }
    }),
  );
  return sent.map((message) => message.message_id);
}
