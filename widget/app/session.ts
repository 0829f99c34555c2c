// Starting and leaving a conversation: the department and pre-chat answers it starts with,
// the visitor's name, the first message starting it (once, however many messages wait),
// another tab's conversation adopted, and a closed or rejected one dropped, back to the
// start, with anything unsent put back in the message box.
import type { CustomerConversation } from '../../lib/contracts/dto';
import type { Host } from '../host';
import { type Api, asRequestError } from './api';
import type { Translate } from './i18n';
import { type FieldValues, startInput } from './new-conversation';
import type { Outbox } from './outbox';
import type { Receiver } from './receive';
import { saveDraft, saveSeenSeq, saveSession, saveStart } from './saved';
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
  t(): Translate;
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

  chooseDepartment(departmentId: string | null): void {
    this.parts.store.set({ departmentId });
    this.saveStart();
  }

  submitPrechat(values: FieldValues): void {
    this.parts.store.set({ prechat: values });
    this.saveStart();
  }

  private saveStart(): void {
    const { departmentId, prechat } = this.parts.store.state;
    saveStart({ departmentId, prechat });
  }

  /** Leaves the conversation for a new one, keeping a department the page chose. */
  newConversation(): void {
    this.drop(false);
    const { departmentId, config } = this.parts.store.state;
    const preset = this.parts.host.options.department ? departmentId : null;
    this.chooseDepartment(config?.departments.length === 1 ? departmentId : preset);
  }

  /** `Parley('identify')`: a new name renames the conversation; the form re-reads the rest. */
  identify(): void {
    const name = this.parts.host.identity?.name;
    const { session, conversation } = this.parts.store.state;
    if (typeof name === 'string' && session && conversation && conversation.name !== name) {
      void this.rename(name);
    }
    this.parts.store.set({});
  }

  /** Sets the visitor's display name; resolves to an error message, or null when saved. */
  async rename(name: string): Promise<string | null> {
    const { session, prechat } = this.parts.store.state;
    if (!session) {
      this.parts.store.set({ prechat: { ...prechat, name } });
      this.saveStart();
      return null;
    }
    try {
      const { conversation } = await this.parts.api.rename(
        session.conversationId,
        session.token,
        name,
      );
      this.parts.receiver.conversation(conversation);
      return null;
    } catch (error) {
      const failure = asRequestError(error);
      return failure.code === 'invalid_request' ? failure.message : this.parts.t()('error');
    }
  }
}
