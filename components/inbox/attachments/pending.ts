// The files waiting in the composer, as plain state and the changes that happen to it, so the
// rules (what may be sent, what a retry resets) are stated once and tested without a browser.
import type { Attachment } from '@/lib/contracts/dto';

export type PendingStatus = 'uploading' | 'uploaded' | 'failed';

export interface PendingFile<F = File> {
  key: string;
  file: F;
  name: string;
  size: number;
  type: string;
  /** An object URL for a picture's preview; null for other files. */
  previewUrl: string | null;
  status: PendingStatus;
  sentBytes: number;
  attachment: Attachment | null;
  error: string | null;
  /** False when the server refused the file itself: only removing it helps. */
  retryable: boolean;
}

export type PendingChange<F = File> =
  | { kind: 'added'; files: PendingFile<F>[] }
  | { kind: 'progress'; key: string; sentBytes: number }
  | { kind: 'uploaded'; key: string; attachment: Attachment }
  | { kind: 'failed'; key: string; error: string; retryable: boolean }
  | { kind: 'retrying'; key: string }
  | { kind: 'removed'; key: string }
  | { kind: 'cleared' };

export function applyPendingChange<F>(
  pending: PendingFile<F>[],
  change: PendingChange<F>,
): PendingFile<F>[] {
  const update = (key: string, patch: Partial<PendingFile<F>>) =>
    pending.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry));
  switch (change.kind) {
    case 'added':
      return [...pending, ...change.files];
    case 'progress':
      return update(change.key, { sentBytes: change.sentBytes });
    case 'uploaded':
      return update(change.key, {
        status: 'uploaded',
        sentBytes: change.attachment.size,
        attachment: change.attachment,
        error: null,
      });
    case 'failed':
      return update(change.key, {
        status: 'failed',
        error: change.error,
        retryable: change.retryable,
      });
    case 'retrying':
      return update(change.key, { status: 'uploading', sentBytes: 0, error: null });
    case 'removed':
      return pending.filter((entry) => entry.key !== change.key);
    case 'cleared':
      return [];
  }
}

/** Uploading files hold the message back; failed ones must be retried or removed first. */
export function isReadyToSend(pending: PendingFile<unknown>[]): boolean {
  return pending.every((entry) => entry.status === 'uploaded');
}

export function attachmentIdsOf(pending: PendingFile<unknown>[]): string[] {
  return pending.flatMap((entry) => (entry.attachment ? [entry.attachment.id] : []));
}

/** Fraction of the file sent, 0–1. */
export function progressOf(entry: PendingFile<unknown>): number {
  if (entry.status === 'uploaded') return 1;
  return entry.size > 0 ? Math.min(1, entry.sentBytes / entry.size) : 0;
}
