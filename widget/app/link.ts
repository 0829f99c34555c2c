// The live link to one conversation: the Socket.IO connection with jittered reconnects, and,
// whenever the socket is down, HTTP polling through the chat's catch-up so the conversation
// goes on (networks that block WebSockets, a restarting server).
import type {
  CustomerClientEvents,
  CustomerServerEvents,
  ReceivedEvent,
} from '../../lib/contracts/customer-events';
import { isRejected } from './api';
import { openSocket, type Socket } from './socket';

/** The widget's end of the `/customer` namespace. */
export type CustomerSocket = Socket<CustomerClientEvents>;
/** One event the server sent on it. */
export type CustomerEvent = ReceivedEvent<CustomerServerEvents>;

/** Exponential backoff with jitter, so a restarted server is not hit by every visitor at once. */
export function backoff(attempt: number): number {
  return Math.min(15_000, 500 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2);
}

export interface LinkEvents {
  /** The socket is connected: time to catch up and send what waits. */
  connected(): void;
  disconnected(): void;
  /** The server refused the token for good. */
  rejected(): void;
  event(event: CustomerEvent): void;
  /** One HTTP catch-up (and send) while the socket is down; resolves whether the server answered. */
  poll(): Promise<boolean>;
  /** How long to wait between polls while the server answers. */
  pollInterval(): number;
  /** Whether the server can be reached at all, by socket or by HTTP. */
  reachable(up: boolean): void;
}

const SOCKET_GIVE_UP_AFTER = 6;
const SOCKET_SLOW_RETRY_MS = 60_000;

export class Link {
  #socket: CustomerSocket | null = null;
  #closed = false;
  #socketFailures = 0;
  #pollFailures = 0;
  #reconnectTimer?: ReturnType<typeof setTimeout>;
  #pollTimer?: ReturnType<typeof setTimeout>;
  /** Waiters for the socket currently connecting (see `whenLive`). */
  #waiters: ((socket: CustomerSocket | null) => void)[] = [];

  readonly #base: string;
  readonly #token: string;
  readonly #events: LinkEvents;

  constructor(base: string, token: string, events: LinkEvents) {
    this.#base = base;
    this.#token = token;
    this.#events = events;

    this.#connect();
  }

  /** The socket, when it is connected. */
  live(): CustomerSocket | null {
    return this.#socket?.isConnected() ? this.#socket : null;
  }

  /**
   * The live socket, waiting up to `ms` for one that is still connecting. A conversation's
   * first message then goes over the socket, which has joined the conversation's room by
   * the time the server answers, so nothing said right after it is missed.
   */
  whenLive(ms: number): Promise<CustomerSocket | null> {
    const live = this.live();
    if (live || !this.#socket) return Promise.resolve(live);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), ms);
      this.#waiters.push((socket) => {
        clearTimeout(timer);
        resolve(socket);
      });
    });
  }

  #settleWaiters(socket: CustomerSocket | null): void {
    for (const waiter of this.#waiters.splice(0)) waiter(socket);
  }

  /** Skips the remaining backoff: the network is back, or the visitor is looking. */
  retryNow(): void {
    if (this.#closed || this.live()) return;
    this.#socketFailures = this.#pollFailures = 0;
    this.#connect();
    this.#poll();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#pollTimer);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
    this.#settleWaiters(null);
  }

  #connect(): void {
    if (this.#closed || this.#socket) return;
    clearTimeout(this.#reconnectTimer);
    const socket = openSocket<CustomerServerEvents, CustomerClientEvents>(
      this.#base,
      '/customer',
      { token: this.#token },
      {
        connected: () => {
          this.#socketFailures = this.#pollFailures = 0;
          clearTimeout(this.#pollTimer);
          this.#events.reachable(true);
          this.#settleWaiters(socket);
          this.#events.connected();
        },
        refused: (code) => {
          if (isRejected(code)) this.#events.rejected();
        },
        event: (event) => this.#events.event(event),
        closed: () => {
          if (this.#socket !== socket) return;
          this.#socket = null;
          this.#settleWaiters(null);
          this.#events.disconnected();
          // Where WebSockets never get through (HTTP carries the chat meanwhile), retry rarely
          // rather than fill the host page's console with errors.
          const failures = ++this.#socketFailures;
          const wait = failures > SOCKET_GIVE_UP_AFTER ? SOCKET_SLOW_RETRY_MS : backoff(failures);
          this.#reconnectTimer = setTimeout(() => this.#connect(), wait);
          this.#poll();
        },
      },
    );
    this.#socket = socket;
  }

  #poll(): void {
    clearTimeout(this.#pollTimer);
    if (this.#closed || this.live()) return;
    void this.#events.poll().then((ok) => {
      if (this.#closed || this.live()) return;
      this.#events.reachable(ok);
      this.#pollFailures = ok ? 0 : this.#pollFailures + 1;
      const wait = ok ? this.#events.pollInterval() : backoff(this.#pollFailures);
      this.#pollTimer = setTimeout(() => this.#poll(), wait);
    });
  }
}
