// Messages the visitor wrote that the server has not confirmed yet. Each one is its own
// storage key, so two tabs writing at once never overwrite each other's entries, and a
// reload keeps them for the next attempt.
import { keysWith, read, write } from '../storage';

export interface Pending {
  clientId: string;
  text: string;
  createdAt: string;
  /** Set when the server refused the message for good (an error code); retried by hand. */
  error?: string;
}

const PREFIX = 'out.';

/** A random id made of characters the server accepts in a `clientId`. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${Date.now().toString(36)}-${hex}`;
}

export function loadOutbox(): Pending[] {
  return keysWith(PREFIX)
    .map((key) => read<Pending>(key))
    .filter((entry): entry is Pending => typeof entry?.text === 'string' && !!entry.clientId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function saveOutboxEntry(entry: Pending): void {
  write(PREFIX + entry.clientId, entry);
}

export function removeOutboxEntry(clientId: string): void {
  write(PREFIX + clientId, null);
}
