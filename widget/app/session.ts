// Starting and leaving a conversation: the first message starts one (once, however many
// messages wait), another tab's conversation is adopted, and a closed or rejected one is
// dropped, back to the start, with anything unsent put back in the message box.
import type { CustomerConversation } from '../../lib/contracts/dto';
import type { Host } from '../host';
import type { Api } from './api';
import { startInput } from './new-conversation';
import type { Outbox } from './outbox';
import type { Receiver } from './receive';
import { saveDraft, saveSeenSeq, saveSession } from './saved';
import type { Session, Store } from './state';
import type { Sync } from './sync';
import type { Unread } from './unread';

export interface SessionParts {
  api: Api;
  host: Host;
  store: Store;
  outbox: Outbox;
  sync: Sync;
  receiver: Receiver;
  unread: Unread;
  locale(): string;
  /** Connects the live link for a session (closing any other). */
  openLink(session: Session): void;
  closeLink(): void;
  /** The unread count or the session changed: the launcher follows. */
  changed(): void;
}

export class Sessions {
  private starting: Promise<Session> | null = null;

  constructor(private readonly parts: SessionParts) {}

  /** The conversation to send into, started on the first message. */
  ensure(): Promise<Session> {
    const { session } = this.parts.store.state;
    if (session) return Promise.resolve(session);
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async start(): Promise<Session> {
    const { api, store, host, locale } = this.parts;
    const { departmentId, prechat } = store.state;
    const response = await api.start(startInput(departmentId, host.identity, prechat, locale()));
    const session = { conversationId: response.conversation.id, token: response.token };
    this.adopt(session, response.conversation);
    return session;
  }

  adopt(session: Session, conversation: CustomerConversation | null = null): void {
    const { store, sync, unread } = this.parts;
    saveSession(session);
    unread.reset();
    sync.loaded = !!conversation;
    store.set({ session, conversation, messages: [], closedNote: null, link: 'online' });
    this.parts.openLink(session);
  }

  /** Forgets the conversation (closed, or its token no longer works) and returns to the start. */
  drop(keepUnsent: boolean): void {
    const { store, sync, unread, outbox, receiver } = this.parts;
    this.parts.closeLink();
    receiver.stopTyping();
    const unsent = outbox.drain().join('\n\n');
    saveSession(null);
    saveSeenSeq(null);
    sync.loaded = false;
    unread.reset();
    const { state } = store;
    const draft = keepUnsent && unsent && !state.draft ? unsent : state.draft;
    store.set({
      session: null,
      conversation: null,
      messages: [],
      pending: [],
      closedNote: null,
      notices: [],
      typing: null,
      replyTo: null,
      link: 'online',
      unread: 0,
      draft,
    });
    saveDraft(draft);
    this.parts.changed();
  }
}
