// Messages the visitor wrote that the server has not confirmed yet. Each one is its own
// storage key, so two tabs writing at once never overwrite each other's entries, and a
// reload keeps them for the next attempt.
import type { Message, QuotedMessage } from '../../lib/contracts/dto';
import { keysWith, read, write } from '../storage';
import type { FileRef } from './files';
import type { Store } from './state';

export interface Pending {
  clientId: string;
  text: string;
  createdAt: string;
  /** Files sent with it; each gets its attachment id once uploaded. */
  files?: FileRef[];
  /** The message it answers. */
  replyTo?: QuotedMessage;
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

/** The outbox in the chat's state (`state.pending`), kept in step with storage. */
export class Outbox {
  constructor(private readonly store: Store) {}

  /** The next message to send: the oldest one not refused. */
  next(): Pending | undefined {
    return this.store.state.pending.find((entry) => !entry.error);
  }

  add(text: string, files: FileRef[], replyTo: Message | null): void {
    const entry: Pending = { clientId: randomId(), text, createdAt: new Date().toISOString() };
    if (files.length) entry.files = files;
    if (replyTo) {
      const { id, seq, author, agentName, text } = replyTo;
      entry.replyTo = { id, seq, author, agentName, text };
    }
    saveOutboxEntry(entry);
    this.store.set({ pending: [...this.store.state.pending, entry] });
  }

  /** Marks a message refused (`error` is the code), or clears that for a retry. */
  mark(clientId: string, error: string | undefined): void {
    this.update(clientId, { error });
  }

  /** Changes an unsent message in the state and in storage (its files' ids, its error). */
  update(clientId: string, patch: Partial<Pending>): void {
    const pending = this.store.state.pending.map((entry) => {
      if (entry.clientId !== clientId) return entry;
      const updated = { ...entry, ...patch };
      saveOutboxEntry(updated);
      return updated;
    });
    this.store.set({ pending });
  }

  remove(clientId: string): void {
    removeOutboxEntry(clientId);
    const pending = this.store.state.pending.filter((entry) => entry.clientId !== clientId);
    this.store.set({ pending });
  }

  /** What stays unsent once `messages` are stored: the confirmed ones leave storage. */
  without(messages: Message[]): Pending[] {
    const confirmed = new Set(messages.map((message) => message.clientId));
    return this.store.state.pending.filter((entry) => {
      if (!confirmed.has(entry.clientId)) return true;
      removeOutboxEntry(entry.clientId);
      return false;
    });
  }

  /** Empties storage (the conversation is gone) and returns the texts that were unsent. */
  drain(): string[] {
    const { pending } = this.store.state;
    for (const entry of pending) removeOutboxEntry(entry.clientId);
    return pending.map((entry) => entry.text);
  }
}
