// The visitor's "typing…" signal to agents: sent at most every few seconds while keys are
// pressed, and withdrawn after a pause or when the message goes out.
import type { CustomerSocket } from './link';

const REPEAT_MS = 3_000;
const IDLE_MS = 4_000;

export class TypingSignal {
  #sentAt = 0;
  #idleTimer?: ReturnType<typeof setTimeout>;

  readonly #socket: () => CustomerSocket | null;

  constructor(socket: () => CustomerSocket | null) {
    this.#socket = socket;
  }

  update(typing: boolean): void {
    const socket = this.#socket();
    clearTimeout(this.#idleTimer);
    if (!socket) return;
    if (typing) {
      if (Date.now() - this.#sentAt > REPEAT_MS) {
        socket.emit('typing', { typing: true });
        this.#sentAt = Date.now();
      }
      this.#idleTimer = setTimeout(() => this.update(false), IDLE_MS);
    } else if (this.#sentAt) {
      this.#sentAt = 0;
      socket.emit('typing', { typing: false });
    }
  }
}
