// The catch-up: fetches what the transcript is missing after its last contiguous `seq`. It
// restores the history on load and repairs every gap and reconnect; one request runs at a
// time per conversation, and asking again meanwhile means one more round.
import type { CustomerConversation, Message } from '../../lib/contracts/dto';
import { type Api, asRequestError, isRejected } from './api';
import type { Session, Store } from './state';
import { contiguousSeq } from './transcript';

export interface SyncEvents {
  messages(messages: Message[]): void;
  conversation(conversation: CustomerConversation, closedNote?: string): void;
  /** The server no longer accepts this session's token. */
  rejected(session: Session): void;
}

export class Sync {
  private running: { session: Session; done: Promise<boolean> } | null = null;
  private again = false;
  /** True once the transcript was loaded, so later arrivals count as new. */
  loaded = false;

  constructor(
    private readonly api: Api,
    private readonly store: Store,
    private readonly events: SyncEvents,
  ) {}

  /** Resolves whether the server answered. */
  run(): Promise<boolean> {
    const session = this.store.state.session;
    if (!session) return Promise.resolve(false);
    if (this.running?.session === session) {
      this.again = true;
      return this.running.done;
    }
    const run = { session, done: this.fetchMissing(session) };
    this.running = run;
    void run.done.finally(() => {
      if (this.running === run) this.running = null;
    });
    return run.done;
  }

  private async fetchMissing(session: Session): Promise<boolean> {
    try {
      do {
        this.again = false;
        const after = contiguousSeq(this.store.state.messages);
        const history = await this.api.history(session.conversationId, session.token, after);
        if (this.store.state.session !== session) return false;
        // Earlier messages edited or deleted meanwhile come along, to replace their copies.
        this.events.messages([...history.messages, ...(history.updated ?? [])]);
        this.loaded = true;
        this.events.conversation(history.conversation, history.closedNote);
      } while (this.again);
      return true;
    } catch (error) {
      const failure = asRequestError(error);
      if (isRejected(failure.code) && this.store.state.session === session) {
        this.events.rejected(session);
      }
      return false;
    }
  }
}
