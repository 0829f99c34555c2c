// What the inbox says about a file before and after it is uploaded: its size in words, the
// files a message or note carries, and why a file cannot be sent (the server's limits,
// checked here first so that nobody waits for an upload that would be refused).
import type { Attachment } from '@/lib/contracts/dto';

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/**
 * `532 bytes`, `14.2 KB`, `10 MB`, `123 MB`: one decimal below 100 (so 10.4 MB never reads
 * as the 10 MB limit), none above, a trailing `.0` dropped.
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const rounded = value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${UNITS[unit]}`;
}

/** The files of a message or note (a note sent before notes had files has none). */
export const attachmentsOf = (item: object): Attachment[] =>
  'attachments' in item && Array.isArray(item.attachments) ? item.attachments : [];

export interface UploadLimits {
  /** The server's `ATTACHMENT_MAX_BYTES`. */
  maxBytes: number;
  /** How many files one message may carry. */
  maxFiles: number;
}

/** Why a file is refused before it is uploaded, in words for the agent; null when it may go. */
export function refusal(
  file: { name: string; size: number },
  limits: UploadLimits,
  alreadyPending: number,
): string | null {
  if (alreadyPending >= limits.maxFiles) {
    return `${file.name} was not added: a message can carry at most ${limits.maxFiles} files.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > limits.maxBytes) {
    return `${file.name} (${formatBytes(file.size)}) is over the ${formatBytes(limits.maxBytes)} limit for files.`;
  }
  return null;
}
