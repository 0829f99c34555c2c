// How far the visitor has read: agent and system messages past the last `seq` seen while
// the panel was open and the page visible count as unread (the launcher's badge); reading
// them is remembered across page views and told to agents (`seen`).
import { savedSeenSeq, saveSeenSeq } from './saved';
import type { Store } from './state';

export class Unread {
  #seenSeq: number;

  readonly #store: Store;
  /** Tells agents how far the visitor has read. */
  readonly #tellSeen: (seq: number) => void;
  /** The count changed: the launcher shows it. */
  readonly #changed: () => void;

  constructor(store: Store, tellSeen: (seq: number) => void, changed: () => void) {
    this.#store = store;
    this.#tellSeen = tellSeen;
    this.#changed = changed;

    this.#seenSeq = savedSeenSeq(store.state.session?.conversationId);
  }

  /** A new or dropped conversation: nothing of it was seen yet. */
  reset(): void {
    this.#seenSeq = 0;
  }

  /** Marks what is on screen as seen, and recounts what is not. */
  update(): void {
    const { session, open, messages, unread } = this.#store.state;
    if (!session) return;
    const lastSeq = messages.at(-1)?.seq ?? 0;
    if (open && document.visibilityState === 'visible' && lastSeq > this.#seenSeq) {
      this.#seenSeq = lastSeq;
      saveSeenSeq(session.conversationId, lastSeq);
      this.#tellSeen(lastSeq);
    }
    const count = messages.filter((m) => m.author !== 'customer' && m.seq > this.#seenSeq).length;
    if (count !== unread) {
      this.#store.set({ unread: count });
      this.#changed();
    }
  }
}
