// The widget's state and behaviour, free of UI: the session, the transcript ordered by `seq`,
// the outbox, and the link to the server (Socket.IO when it works, HTTP polling when it
// does not). The UI renders `state` and calls the actions.
import type { CustomerConversation, Message, Notice, WidgetConfig } from '../../lib/contracts/dto';
import type { Host } from '../host';
import { onExternalChange, read, readRaw, write, writeRaw, writeTab } from '../storage';
import { chime, unlockSound } from './alert';
import { Api, asRequestError, isRejected } from './api';
import { browserLanguages, pickLocale, type Translate, translator } from './i18n';
import { backoff, Link } from './link';
import { type FieldValues, startInput } from './new-conversation';
import { loadOutbox, type Pending, randomId, removeOutboxEntry, saveOutboxEntry } from './outbox';
import { Sender } from './sender';
import { contiguousSeq, mergeMessages } from './transcript';
import { TypingSignal } from './typing';

export type { FieldValues } from './new-conversation';

/** The server's limit on message text (lib/contracts/text.ts, not importable at run time). */
export const MAX_TEXT_LENGTH = 4000;

export interface Session {
  conversationId: string;
  token: string;
}

export interface ChatState {
  config: WidgetConfig | null;
  configFailed: boolean;
  open: boolean;
  session: Session | null;
  conversation: CustomerConversation | null;
  messages: Message[];
  pending: Pending[];
  closedNote: string | null;
  /** `down`: neither the socket nor HTTP reaches the server. */
  link: 'online' | 'down';
  offline: boolean;
  notices: Notice[];
  typing: string | null;
  departmentId: string | null;
  /** The pre-chat form's answers; null until the visitor submits it. */
  prechat: FieldValues | null;
  unread: number;
  sound: boolean;
  draft: string;
  announcement: string;
}

export type Step = 'loading' | 'unavailable' | 'departments' | 'form' | 'chat';

type Listener = () => void;

const POLL_OPEN_MS = 3_000;
const POLL_CLOSED_MS = 15_000;
const TYPING_SHOWN_MS = 10_000;
const SOCKET_WAIT_MS = 2_000;

export class Chat {
  state: ChatState;
  t: Translate;
  locale: string;
  private readonly api: Api;
  private readonly listeners = new Set<Listener>();
  private link: Link | null = null;
  private readonly sender: Sender;
  private configFailures = 0;
  private typingShownTimer?: ReturnType<typeof setTimeout>;
  private readonly typingSignal = new TypingSignal(() => this.link?.live() ?? null);
  private syncing: { session: Session; done: Promise<boolean> } | null = null;
  private syncAgain = false;
  private starting: Promise<Session> | null = null;
  /** True once the transcript was loaded, so later arrivals count as new. */
  private loaded = false;
  private seenSeq = 0;

  constructor(readonly host: Host) {
    this.api = new Api(host.options.base);
    this.sender = new Sender({
      api: this.api,
      next: () => this.state.pending.find((entry) => !entry.error),
      conversation: () => this.ensureSession(),
      socket: async () => (await this.link?.whenLive(SOCKET_WAIT_MS)) ?? null,
      sent: (message) => this.accept([message]),
      failed: (clientId, code) => this.updatePending(clientId, code),
      rejected: (clientId, code) => {
        if (this.state.session) this.onRejected();
        else this.updatePending(clientId, code);
      },
      unreachable: () => this.set({ link: 'down' }),
    });
    this.locale = pickLocale(host.options.locale, ...browserLanguages());
    this.t = translator(this.locale);
    const session = read<Session>('session');
    const seen = read<{ id: string; seq: number }>('seen');
    this.seenSeq = seen && seen.id === session?.conversationId ? seen.seq : 0;
    const start = read<{ departmentId: string | null; prechat: FieldValues | null }>('prechat');
    this.state = {
      config: null,
      configFailed: false,
      open: false,
      session: session?.token && session.conversationId ? session : null,
      conversation: null,
      messages: [],
      pending: loadOutbox(),
      closedNote: null,
      link: 'online',
      offline: !navigator.onLine,
      notices: [],
      typing: null,
      departmentId: start?.departmentId ?? null,
      prechat: start?.prechat ?? null,
      unread: 0,
      sound: readRaw('sound') !== '0',
      draft: readRaw('draft') ?? '',
      announcement: '',
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  start(): void {
    if (this.host.preview) {
      // The console's preview: its config, as the admin types; no server, no conversation.
      this.host.preview((config) => this.applyConfig(config));
      return;
    }
    void this.loadConfig();
    if (this.state.session) this.openLink(this.state.session);
    else if (this.state.pending.length) void this.sender.flush();
    window.addEventListener('online', () => {
      this.set({ offline: false });
      this.retryNow();
    });
    window.addEventListener('offline', () => this.set({ offline: true }));
    // Audio may only start after a user gesture; any gesture on the page will do.
    document.addEventListener('pointerdown', unlockSound, { once: true, capture: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      this.markSeen();
      this.retryNow();
    });
    // Another tab started or dropped a conversation: follow it instead of forking.
    onExternalChange('session', () => {
      const session = read<Session>('session');
      if (session?.token === this.state.session?.token) return;
      this.dropSession(false);
      if (session) this.adoptSession(session);
    });
  }

  step(): Step {
    const { session, config, pending, departmentId, prechat } = this.state;
    if (session || pending.length) return 'chat';
    if (!config) return this.state.configFailed ? 'unavailable' : 'loading';
    if (config.departments.length > 1 && !departmentId) return 'departments';
    if (config.preChatFields.length && !prechat && !this.identityAnswersForm(config)) return 'form';
    return 'chat';
  }

  private identityAnswersForm(config: WidgetConfig): boolean {
    const identity = this.host.identity;
    return (
      !!identity && config.preChatFields.every((field) => !field.required || !!identity[field.id])
    );
  }

  // ── configuration ────────────────────────────────────────────────────────────

  async loadConfig(): Promise<void> {
    try {
      // The loader already asked, to draw the launcher; later attempts ask again.
      const fetched = await this.host.config;
      this.host.config = undefined;
      this.applyConfig(fetched ?? (await this.api.config(this.locale)));
      this.configFailures = 0;
    } catch {
      this.set({ configFailed: true });
      setTimeout(() => void this.loadConfig(), backoff(++this.configFailures));
    }
  }

  private applyConfig(config: WidgetConfig): void {
    const { options } = this.host;
    // The preview shows the admin the widget in the locale being edited, overrides included.
    const browser = this.host.preview ? [] : browserLanguages();
    this.locale = pickLocale(options.locale, ...browser, config.locale);
    const sameLanguage = pickLocale(config.locale) === this.locale;
    this.t = translator(this.locale, sameLanguage ? config.strings : {});
    const wanted = options.department?.toLowerCase();
    const preset =
      config.departments.find(
        (d) => d.id === options.department || d.name.toLowerCase() === wanted,
      ) ?? (config.departments.length === 1 ? config.departments[0] : undefined);
    write('look', { color: config.color, position: config.position });
    this.host.setLook(options.color || config.color, options.position ?? config.position);
    this.set({
      config,
      configFailed: false,
      departmentId: preset?.id ?? this.state.departmentId,
    });
    this.updateLauncher();
  }

  // ── panel ────────────────────────────────────────────────────────────────────

  setOpen(open: boolean): void {
    if (open === this.state.open) return;
    this.set({ open });
    writeTab('open', open ? '1' : null);
    this.updateLauncher();
    this.host.emit(open ? 'open' : 'close');
    if (open) {
      unlockSound();
      this.markSeen();
      if (this.state.configFailed) void this.loadConfig();
      this.retryNow();
    } else if (
      this.host.root.activeElement &&
      this.host.root.activeElement !== this.host.launcher
    ) {
      // Focus inside the panel would be lost with it: hand it back to the launcher.
      this.host.launcher.focus();
    }
  }

  private updateLauncher(): void {
    const { open, unread } = this.state;
    const label = open
      ? this.t('close')
      : unread
        ? this.t('unread', { n: unread })
        : this.t('open');
    this.host.setOpen(open, label);
    this.host.setBadge(unread, label);
  }

  setSound(on: boolean): void {
    writeRaw('sound', on ? '1' : '0');
    if (on) unlockSound();
    this.set({ sound: on });
  }

  dismissNotice(key: string): void {
    this.set({ notices: this.state.notices.filter((notice) => notice.key !== key) });
  }

  // ── starting ─────────────────────────────────────────────────────────────────

  chooseDepartment(departmentId: string | null): void {
    this.set({ departmentId });
    this.savePrechat();
  }

  submitPrechat(values: FieldValues): void {
    this.set({ prechat: values });
    this.savePrechat();
  }

  private savePrechat(): void {
    write('prechat', { departmentId: this.state.departmentId, prechat: this.state.prechat });
  }

  private ensureSession(): Promise<Session> {
    const { session } = this.state;
    if (session) return Promise.resolve(session);
    this.starting ??= this.startConversation().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async startConversation(): Promise<Session> {
    const { departmentId, prechat } = this.state;
    const response = await this.api.start(
      startInput(departmentId, this.host.identity, prechat, this.locale),
    );
    const session = { conversationId: response.conversation.id, token: response.token };
    this.adoptSession(session, response.conversation);
    return session;
  }

  private adoptSession(session: Session, conversation: CustomerConversation | null = null): void {
    write('session', session);
    this.seenSeq = 0;
    this.loaded = !!conversation;
    this.set({ session, conversation, messages: [], closedNote: null, link: 'online' });
    this.openLink(session);
  }

  /** Forgets the conversation (closed, or its token no longer works) and returns to the start. */
  private dropSession(keepUnsent: boolean): void {
    this.link?.close();
    this.link = null;
    clearTimeout(this.typingShownTimer);
    const unsent = this.state.pending.map((entry) => entry.text).join('\n\n');
    for (const entry of this.state.pending) removeOutboxEntry(entry.clientId);
    write('session', null);
    write('seen', null);
    this.loaded = false;
    this.seenSeq = 0;
    const draft = keepUnsent && unsent && !this.state.draft ? unsent : this.state.draft;
    this.set({
      session: null,
      conversation: null,
      messages: [],
      pending: [],
      closedNote: null,
      notices: [],
      typing: null,
      link: 'online',
      unread: 0,
      draft,
    });
    writeRaw('draft', draft || null);
    this.updateLauncher();
  }

  /** The server no longer accepts our token: start over cleanly rather than retry forever. */
  private onRejected(): void {
    this.dropSession(true);
  }

  newConversation(): void {
    this.dropSession(false);
    const preset = this.host.options.department ? this.state.departmentId : null;
    const single = this.state.config?.departments.length === 1;
    this.chooseDepartment(single ? this.state.departmentId : preset);
  }

  identify(): void {
    const name = this.host.identity?.name;
    const { session, conversation } = this.state;
    if (typeof name === 'string' && session && conversation && conversation.name !== name) {
      void this.rename(name);
    }
    this.set({});
  }

  /** Sets the visitor's display name; resolves to an error message, or null when saved. */
  async rename(name: string): Promise<string | null> {
    const { session } = this.state;
    if (!session) {
      this.set({ prechat: { ...this.state.prechat, name } });
      this.savePrechat();
      return null;
    }
    try {
      const { conversation } = await this.api.rename(session.conversationId, session.token, name);
      this.setConversation(conversation);
      return null;
    } catch (error) {
      const failure = asRequestError(error);
      return failure.code === 'invalid_request' ? failure.message : this.t('error');
    }
  }

  // ── sending ──────────────────────────────────────────────────────────────────

  setDraft(draft: string): void {
    this.set({ draft });
    writeRaw('draft', draft || null);
    this.typingSignal.update(draft.trim() !== '');
  }

  send(raw: string): boolean {
    const text = raw.replace(/\r\n?/g, '\n').trim();
    if (!text || text.length > MAX_TEXT_LENGTH || this.host.preview) return false;
    const entry: Pending = { clientId: randomId(), text, createdAt: new Date().toISOString() };
    saveOutboxEntry(entry);
    this.set({ pending: [...this.state.pending, entry] });
    this.setDraft('');
    void this.sender.flush();
    return true;
  }

  retry(clientId: string): void {
    this.updatePending(clientId, undefined);
    this.sender.resetBackoff();
    void this.sender.flush();
  }

  discard(clientId: string): void {
    removeOutboxEntry(clientId);
    this.set({ pending: this.state.pending.filter((entry) => entry.clientId !== clientId) });
  }

  private updatePending(clientId: string, error: string | undefined): void {
    const pending = this.state.pending.map((entry) => {
      if (entry.clientId !== clientId) return entry;
      const updated = { ...entry, error };
      saveOutboxEntry(updated);
      return updated;
    });
    this.set({ pending });
  }

  // ── receiving ────────────────────────────────────────────────────────────────

  /** Takes messages from any path (ack, POST, broadcast, catch-up); each shows once. */
  private accept(incoming: Message[]): void {
    const { session } = this.state;
    if (!session) return;
    const lastSeq = this.lastSeq();
    const { messages, added } = mergeMessages(
      this.state.messages,
      incoming,
      session.conversationId,
    );
    const fresh = added.filter(
      (message) => this.loaded && message.seq > lastSeq && message.author !== 'customer',
    );
    const confirmed = new Set(messages.map((message) => message.clientId));
    const pending = this.state.pending.filter((entry) => {
      if (!confirmed.has(entry.clientId)) return true;
      removeOutboxEntry(entry.clientId);
      return false;
    });
    const patch: Partial<ChatState> = { messages, pending };
    // An agent's answer ends their typing and makes "we'll be with you shortly" banners moot.
    if (fresh.some((message) => message.author === 'agent')) {
      patch.typing = null;
      patch.notices = [];
    }
    this.set(patch);
    for (const message of fresh) this.announce(message);
    this.markSeen();
  }

  private announce(message: Message): void {
    const name = message.agentName ?? this.state.config?.title ?? this.t('support');
    this.say(this.t('announce', { name, text: message.text }));
    this.host.emit('message', message);
    const hidden = !this.state.open || document.visibilityState !== 'visible';
    if (message.author === 'agent' && hidden && this.state.sound) chime();
  }

  private say(text: string): void {
    // Repeating the same words would not be re-announced; a trailing space makes it new.
    const announcement = text === this.state.announcement ? `${text}\u00a0` : text;
    this.set({ announcement });
  }

  private lastSeq(): number {
    return this.state.messages.at(-1)?.seq ?? 0;
  }

  private setConversation(conversation: CustomerConversation, closedNote?: string): void {
    const closed = conversation.status === 'closed' || conversation.status === 'blocked';
    this.set({
      conversation,
      closedNote: closed ? (closedNote ?? this.state.closedNote) : null,
    });
  }

  private onEvent(name: string, payload: unknown): void {
    if (name === 'message') {
      const message = payload as Message;
      const gap = message.seq > contiguousSeq(this.state.messages) + 1;
      this.accept([message]);
      if (gap) void this.sync();
    } else if (name === 'conversation') {
      this.setConversation(payload as CustomerConversation);
      // The closing note comes with the history, not with the event.
      if (this.state.closedNote === null && this.state.conversation?.status === 'closed') {
        void this.sync();
      }
    } else if (name === 'typing') {
      const { typing, name: who } = payload as { typing: boolean; name: string };
      clearTimeout(this.typingShownTimer);
      this.set({ typing: typing ? who || this.t('support') : null });
      if (typing)
        this.typingShownTimer = setTimeout(() => this.set({ typing: null }), TYPING_SHOWN_MS);
    } else if (name === 'notice') {
      const notice = payload as Notice;
      const others = this.state.notices.filter((existing) => existing.key !== notice.key);
      this.set({ notices: [...others, notice] });
      this.say(notice.text);
    }
  }

  /** Fetches what is missing after `contiguousSeq()`: the restore and every catch-up. */
  private sync(): Promise<boolean> {
    const session = this.state.session;
    if (!session) return Promise.resolve(false);
    // One request at a time per conversation; asking again meanwhile means one more round.
    if (this.syncing?.session === session) {
      this.syncAgain = true;
      return this.syncing.done;
    }
    const run = { session, done: this.fetchMissing(session) };
    this.syncing = run;
    void run.done.finally(() => {
      if (this.syncing === run) this.syncing = null;
    });
    return run.done;
  }

  private async fetchMissing(session: Session): Promise<boolean> {
    try {
      do {
        this.syncAgain = false;
        const after = contiguousSeq(this.state.messages);
        const history = await this.api.history(session.conversationId, session.token, after);
        if (this.state.session !== session) return false;
        this.accept(history.messages);
        this.loaded = true;
        this.setConversation(history.conversation, history.closedNote);
      } while (this.syncAgain);
      return true;
    } catch (error) {
      const failure = asRequestError(error);
      if (isRejected(failure.code) && this.state.session === session) this.onRejected();
      return false;
    }
  }

  private markSeen(): void {
    const { session, open, messages } = this.state;
    if (!session) return;
    const lastSeq = this.lastSeq();
    if (open && document.visibilityState === 'visible' && lastSeq > this.seenSeq) {
      this.seenSeq = lastSeq;
      write('seen', { id: session.conversationId, seq: lastSeq });
      this.link?.live()?.emit('seen', { seq: lastSeq });
    }
    const unread = messages.filter((m) => m.author !== 'customer' && m.seq > this.seenSeq).length;
    if (unread !== this.state.unread) {
      this.set({ unread });
      this.updateLauncher();
    }
  }

  // ── the link ─────────────────────────────────────────────────────────────────

  private openLink(session: Session): void {
    this.link?.close();
    if (!this.loaded) void this.sync();
    this.link = new Link(this.host.options.base, session.token, {
      connected: () => {
        this.markSeen();
        void this.sync().finally(() => this.sender.flush());
      },
      disconnected: () => this.set({ typing: null }),
      rejected: () => {
        if (this.state.session === session) this.onRejected();
      },
      event: (name, payload) => this.onEvent(name, payload),
      poll: async () => {
        const ok = await this.sync();
        if (ok) void this.sender.flush();
        return ok;
      },
      pollInterval: () => (this.state.open ? POLL_OPEN_MS : POLL_CLOSED_MS),
      reachable: (up) => this.set({ link: up ? 'online' : 'down' }),
    });
  }

  /** Skips the remaining backoff: the network is back, or the visitor is looking. */
  private retryNow(): void {
    this.sender.resetBackoff();
    this.link?.retryNow();
    void this.sender.flush();
  }
}
