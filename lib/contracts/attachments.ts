// What clients know about attachments before uploading: how many a message may carry, which
// files are accepted, and which types show as images. Zod-free, so the widget may import it.

/** Telegram's album limit, and plenty for a chat message. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

/** `ATTACHMENT_MAX_BYTES` when unset: 10 MB. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** How long a signed download link works at least (DESIGN §13): a day. */
export const ATTACHMENT_LINK_LIFETIME_MS = 24 * 3600 * 1000;

/** Types shown inline (re-encoded by the server, metadata stripped, with a thumbnail). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const isImageType = (type: string): boolean =>
  (IMAGE_TYPES as readonly string[]).includes(type);

/**
 * For a file input's `accept`: what customers may send. The server decides from the bytes
 * whatever the name says; this only spares people picking a file that will be refused.
 */
export const ATTACHMENT_ACCEPT = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  '.txt',
  '.csv',
  '.log',
  '.md',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.ppt',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.rtf',
  '.zip',
].join(',');

/** `10 MB`, `512 KB`, `80 bytes`: sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
