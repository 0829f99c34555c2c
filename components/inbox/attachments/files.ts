// The files a message or note carries, and why a file cannot be sent (the server's limits,
// checked here first so that nobody waits for an upload that would be refused).
import { formatBytes } from '@/lib/contracts/attachments';
import type { Attachment, AttachmentLimits } from '@/lib/contracts/dto';

/** The files of a message or note (a note sent before notes had files has none). */
export const attachmentsOf = (item: object): Attachment[] =>
  'attachments' in item && Array.isArray(item.attachments) ? item.attachments : [];

/** Why a file is refused before it is uploaded, in words for the agent; null when it may go. */
export function refusal(
  file: { name: string; size: number },
  limits: AttachmentLimits,
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
