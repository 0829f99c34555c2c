// The Bot API's file methods in the fake: photos, documents and albums sent by multipart
// upload (or by a file id Telegram already has), getFile, and the files behind it.
import sharp from 'sharp';
import { FAKE_BOT, messageView } from './methods';
import { ApiError, type FakeFile, type FakeMediaKind, type FakeWorld } from './state';

type Params = Record<string, unknown>;

/** A file part of a multipart request, as readParams hands it over. */
export interface UploadedPart {
  upload: { bytes: Buffer; filename: string; mimeType: string };
}

export const MEDIA_METHODS = new Set(['sendPhoto', 'sendDocument', 'sendMediaGroup', 'getFile']);

const isUpload = (value: unknown): value is UploadedPart =>
  typeof value === 'object' && value !== null && 'upload' in value;

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function storeUpload(world: FakeWorld, part: UploadedPart, kind: FakeMediaKind) {
  const { bytes, filename, mimeType } = part.upload;
  let size: { width?: number; height?: number } = {};
  if (kind === 'photo') {
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => {
        throw new ApiError(400, 'Bad Request: IMAGE_PROCESS_FAILED');
      });
    size = { width: meta.width, height: meta.height };
  }
  const file = world.addFile(bytes, { name: filename, mime_type: mimeType, ...size });
  world.uploads.push(file);
  return file;
}

/** The file a `photo`/`document`/`media` value names: an upload or a known file id. */
async function resolveFile(
  world: FakeWorld,
  value: unknown,
  params: Params,
  kind: FakeMediaKind,
): Promise<FakeFile> {
  if (isUpload(value)) return storeUpload(world, value, kind);
  if (typeof value === 'string' && value.startsWith('attach://')) {
    const part = params[value.slice('attach://'.length)];
    if (!isUpload(part)) throw new ApiError(400, 'Bad Request: wrong HTTP URL specified');
    return storeUpload(world, part, kind);
  }
  if (typeof value === 'string' && /^https?:\/\//.test(value)) {
    // Parley never sends links: Telegram could not reach a private server.
    throw new ApiError(400, 'Bad Request: failed to get HTTP URL content');
  }
  return world.file(value);
}

function caption(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if (text.length > 1024) throw new ApiError(400, 'Bad Request: message caption is too long');
  return text;
}

let groups = 0;

export async function callMediaMethod(
  world: FakeWorld,
  method: string,
  params: Params,
): Promise<unknown> {
  if (method === 'getFile') {
    const file = world.file(params.file_id);
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.file_size,
      file_path: file.file_path,
    };
  }
  const chat = world.chat(params.chat_id);
  const topic = world.topicFor(chat, params.message_thread_id, true);
  const replyTo = world.replyTarget(chat, params.reply_parameters);
  const post = (kind: FakeMediaKind, file: FakeFile, text?: string, group?: string) =>
    world.addMessage(chat, {
      ...(replyTo ? { reply_to_message_id: replyTo } : {}),
      thread_id: topic?.thread_id ?? null,
      from: FAKE_BOT,
      text: '',
      media: { kind, file },
      caption: text,
      media_group_id: group,
      disable_notification: Boolean(params.disable_notification),
    });
  if (method === 'sendPhoto' || method === 'sendDocument') {
    const kind = method === 'sendPhoto' ? 'photo' : 'document';
    const file = await resolveFile(world, params[kind], params, kind);
    const text = caption(params.caption);
    world.spend(chat);
    return messageView(chat, post(kind, file, text));
  }
  // sendMediaGroup: 2–10 items, documents only or photos (and videos) only.
  const items = parsed(params.media) as Array<{ type: string; media: unknown; caption?: string }>;
  if (!Array.isArray(items) || items.length < 2 || items.length > 10) {
    throw new ApiError(400, 'Bad Request: wrong number of media in the album');
  }
  const documents = items.filter((item) => item.type === 'document').length;
  if (documents !== 0 && documents !== items.length) {
    throw new ApiError(400, "Bad Request: documents can't be mixed with other media types");
  }
  const files = [];
  for (const item of items) {
    const kind = item.type === 'document' ? 'document' : 'photo';
    files.push({ kind, file: await resolveFile(world, item.media, params, kind), item } as const);
  }
  world.spend(chat);
  const group = `fake-group-${++groups}`;
  return files.map(({ kind, file, item }) =>
    messageView(chat, post(kind, file, caption(item.caption), group)),
  );
}
