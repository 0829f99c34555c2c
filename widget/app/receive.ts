// What comes from the server, by any path (socket event, ack, POST response, catch-up),
// into the state: each message shows once and in `seq` order, confirmed messages leave the
// outbox, and a gap in `seq` asks the catch-up for what is missing.
import type { CustomerConversation, Message } from '../../lib/contracts/dto';
import type { Announcer } from './announcer';
import type { CustomerEvent } from './link';
import type { Outbox } from './outbox';
import type { ChatState, Store } from './state';
import type { Sync } from './sync';
import { contiguousSeq, mergeMessages, replaceMessage } from './transcript';
import type { Unread } from './unread';

const TYPING_SHOWN_MS = 10_000;

export class Receiver {
  private typingTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly store: Store,
    private readonly outbox: Outbox,
    private readonly sync: Sync,
    private readonly announcer: Announcer,
    private readonly unread: Unread,
    /** The name shown for a team member who types without one. */
    private readonly someone: () => string,
  ) {}

  /** Takes messages from any path; each shows once. */
  messages(incoming: Message[]): void {
    const { session, messages: current } = this.store.state;
    if (!session) return;
    const lastSeq = current.at(-1)?.seq ?? 0;
    const { messages, added } = mergeMessages(current, incoming, session.conversationId);
    const fresh = added.filter(
      (message) => this.sync.loaded && message.seq > lastSeq && message.author !== 'customer',
    );
    const patch: Partial<ChatState> = { messages, pending: this.outbox.without(messages) };
    // An agent's answer ends their typing and makes "we'll be with you shortly" banners moot.
    if (fresh.some((message) => message.author === 'agent')) {
      patch.typing = null;
      patch.notices = [];
    }
    this.store.set(patch);
    for (const message of fresh) this.announcer.message(message);
    this.unread.update();
  }

  conversation(conversation: CustomerConversation, closedNote?: string): void {
    const closed = conversation.status === 'closed' || conversation.status === 'blocked';
    this.store.set({
      conversation,
      closedNote: closed ? (closedNote ?? this.store.state.closedNote) : null,
    });
  }

  event(event: CustomerEvent): void {
    const { state } = this.store;
    switch (event.name) {
      case 'message': {
        const gap = event.payload.seq > contiguousSeq(state.messages) + 1;
        this.messages([event.payload]);
        if (gap) void this.sync.run();
        return;
      }
      case 'message:updated': {
        const changed = event.payload;
        const replyTo =
          state.replyTo?.id === changed.id && changed.deletedAt ? null : state.replyTo;
        this.store.set({ messages: replaceMessage(state.messages, changed), replyTo });
        return;
      }
      case 'conversation':
        this.conversation(event.payload);
        // The closing note comes with the history, not with the event.
        if (this.store.state.closedNote === null && event.payload.status === 'closed') {
          void this.sync.run();
        }
        return;
      case 'typing': {
        const { typing, name } = event.payload;
        clearTimeout(this.typingTimer);
        this.store.set({ typing: typing ? name || this.someone() : null });
        if (typing) this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_SHOWN_MS);
        return;
      }
      case 'notice': {
        // One banner at a time: the latest says what is true now.
        this.store.set({ notices: [event.payload] });
        this.announcer.say(event.payload.text);
        return;
      }
    }
  }

  /** Nobody is typing any more, or the link that said so is gone. */
  stopTyping(): void {
    clearTimeout(this.typingTimer);
    this.store.set({ typing: null });
  }
}
