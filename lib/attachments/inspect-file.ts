// What an uploaded file really is: the type comes from its bytes (file-type's signatures,
// and a text check for plain text and CSV), never from the name or the declared type, and
// must be on the allow-list. The name is cleaned and given the extension of that type, so
// a PNG called `setup.exe` is saved as `setup.exe.png`.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors';

export type FileClass = 'image' | 'pdf' | 'text' | 'office' | 'zip' | 'media';

export interface InspectedFile {
  type: string;
  class: FileClass;
  name: string;
}

interface Allowed {
  class: FileClass;
  extensions: string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** Detected type → what it is accepted as; anything else is refused. */
const ALLOWED: Record<string, Allowed> = {
  'image/png': { class: 'image', extensions: ['png'] },
  'image/jpeg': { class: 'image', extensions: ['jpg', 'jpeg'] },
  'image/gif': { class: 'image', extensions: ['gif'] },
  'image/webp': { class: 'image', extensions: ['webp'] },
  'application/pdf': { class: 'pdf', extensions: ['pdf'] },
  'text/plain': { class: 'text', extensions: ['txt', 'log', 'md', 'text'] },
  'text/csv': { class: 'text', extensions: ['csv'] },
  [`${OOXML}.wordprocessingml.document`]: { class: 'office', extensions: ['docx'] },
  [`${OOXML}.spreadsheetml.sheet`]: { class: 'office', extensions: ['xlsx'] },
  [`${OOXML}.presentationml.presentation`]: { class: 'office', extensions: ['pptx'] },
  [`${ODF}.text`]: { class: 'office', extensions: ['odt'] },
  [`${ODF}.spreadsheet`]: { class: 'office', extensions: ['ods'] },
  [`${ODF}.presentation`]: { class: 'office', extensions: ['odp'] },
  'application/rtf': { class: 'office', extensions: ['rtf'] },
  'application/msword': { class: 'office', extensions: ['doc'] },
  'application/vnd.ms-excel': { class: 'office', extensions: ['xls'] },
  'application/vnd.ms-powerpoint': { class: 'office', extensions: ['ppt'] },
  'application/zip': { class: 'zip', extensions: ['zip'] },
  // Voice notes and videos that agents send from Telegram.
  'audio/ogg': { class: 'media', extensions: ['ogg', 'oga', 'opus'] },
  'audio/mpeg': { class: 'media', extensions: ['mp3'] },
  'audio/mp4': { class: 'media', extensions: ['m4a'] },
  'video/mp4': { class: 'media', extensions: ['mp4'] },
  'video/quicktime': { class: 'media', extensions: ['mov'] },
  'video/webm': { class: 'media', extensions: ['webm'] },
};

/** Old Office files are OLE containers, as are installers: only these names pass as Office. */
const LEGACY_OFFICE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const refused = (what: string) =>
  new AppError(
    'unsupported_media_type',
    `${what} files are not accepted; send images, PDF, text, office documents or zip archives`,
  );

const MARKUP = /<\s*(!doctype|html|svg|script|iframe|body|head|\?xml|object|embed)\b/i;
// Control characters that never appear in real text (tab, newlines, form feed are fine).
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

/** UTF-8 text that is neither binary nor markup a browser would render. */
function sniffText(bytes: Buffer): 'text' | 'markup' | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (BINARY.test(text)) return null;
  return MARKUP.test(text.slice(0, 4096)) ? 'markup' : 'text';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The name people see: no folders, no control or quoting characters, at most 200 chars. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f"<>|*?:]/g, '').trim();
  const name = cleaned.replace(/^\.+/, '') || 'file';
  if (name.length <= 200) return name;
  const extension = extensionOf(name);
  return extension && extension.length < 16
    ? `${name.slice(0, 199 - extension.length)}.${extension}`
    : name.slice(0, 200);
}

function named(rawName: string, allowed: Allowed): string {
  const name = cleanFileName(rawName);
  return allowed.extensions.includes(extensionOf(name)) ? name : `${name}.${allowed.extensions[0]}`;
}

async function detectType(bytes: Buffer, rawName: string): Promise<string> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) {
    const text = sniffText(bytes);
    if (text === 'markup') throw refused('HTML, SVG and XML');
    if (text === null) throw refused('Files of this type');
    return extensionOf(rawName) === 'csv' ? 'text/csv' : 'text/plain';
  }
  // `audio/ogg; codecs=opus` and the like: the parameters are not part of the type.
  const mime = detected.mime.split(';')[0]!.trim();
  if (mime === 'application/x-cfb') {
    const legacy = LEGACY_OFFICE[extensionOf(rawName)];
    if (legacy) return legacy;
  }
  if (mime === 'application/xml' || mime === 'image/svg+xml' || mime === 'text/html') {
    throw refused('HTML, SVG and XML');
  }
  return mime;
}

export async function inspectFile(
  bytes: Buffer,
  rawName: string,
  options: { allowMedia?: boolean } = {},
): Promise<InspectedFile> {
  if (bytes.length === 0) throw new AppError('invalid_request', 'The file is empty');
  const type = await detectType(bytes, rawName);
  const allowed = ALLOWED[type];
  if (!allowed || (allowed.class === 'media' && !options.allowMedia)) {
    throw refused(allowed ? 'Audio and video' : 'Files of this type');
  }
  return { type, class: allowed.class, name: named(rawName, allowed) };
}
