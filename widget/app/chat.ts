// The widget's behaviour, free of UI: the configuration, the panel, starting and leaving a
// conversation, and sending. It wires the parts that each own one concern: the state
// (state.ts), what is kept between page views (saved.ts), the live link (link.ts), the
// catch-up (sync.ts), what arrives (receive.ts), the outbox (sender.ts), the unread count
// (unread.ts) and announcements (announcer.ts). The UI renders `state` and calls the actions.
import type { CustomerConversation, WidgetConfig } from '../../lib/contracts/dto';
import type { Host } from '../host';
import { writeTab } from '../storage';
import { unlockSound } from './alert';
import { Announcer } from './announcer';
import { Api, asRequestError } from './api';
import { configure } from './config';
import { loadFilesUi } from './files';
import { browserLanguages, pickLocale, type Translate, translator } from './i18n';
import { showLauncher } from './launcher';
import { backoff, Link } from './link';
import { type FieldValues, startInput } from './new-conversation';
import { Outbox } from './outbox';
import { Receiver } from './receive';
import {
  onSessionChangedElsewhere,
  restoredState,
  saveDraft,
  saveLook,
  saveSeenSeq,
  saveSession,
  saveSound,
  saveStart,
} from './saved';
import { Sender } from './sender';
import { type ChatState, currentStep, type Session, type Step, Store } from './state';
import { Sync } from './sync';
import { TypingSignal } from './typing';
import { Unread } from './unread';

export type { FieldValues } from './new-conversation';
export type { ChatState, Session, Step } from './state';

/** The server's limit on message text (lib/contracts/text.ts, not importable at run time). */
export const MAX_TEXT_LENGTH = 4000;

const POLL_OPEN_MS = 3_000;
const POLL_CLOSED_MS = 15_000;
const SOCKET_WAIT_MS = 2_000;

export class Chat {
  t: Translate;
  locale: string;
  /** The state; the attachment UI (files.ts) reads and changes its own parts of it. */
  readonly store: Store;
  private readonly api: Api;
  private link: Link | null = null;
  private readonly sender: Sender;
  readonly outbox: Outbox;
  private readonly sync: Sync;
  private readonly receiver: Receiver;
  private readonly unread: Unread;
  private readonly announcer: Announcer;
  private readonly typingSignal = new TypingSignal(() => this.link?.live() ?? null);
  private configFailures = 0;
  private starting: Promise<Session> | null = null;

  constructor(readonly host: Host) {
    this.api = new Api(host.options.base);
    this.locale = pickLocale(host.options.locale, ...browserLanguages());
    this.t = translator(this.locale);
    this.store = new Store(restoredState());
    this.outbox = new Outbox(this.store);
    this.announcer = new Announcer(this.store, host, () => this.t);
    this.unread = new Unread(
      this.store,
      (seq) => this.link?.live()?.emit('seen', { seq }),
      () => this.updateLauncher(),
    );
    this.sync = new Sync(this.api, this.store, {
      messages: (messages) => this.receiver.messages(messages),
      conversation: (conversation, closedNote) =>
        this.receiver.conversation(conversation, closedNote),
      rejected: () => this.onRejected(),
    });
    this.receiver = new Receiver(
      this.store,
      this.outbox,
      this.sync,
      this.announcer,
      this.unread,
      () => this.t('support'),
    );
    this.sender = new Sender({
      api: this.api,
      next: () => this.outbox.next(),
      conversation: () => this.ensureSession(),
      socket: async () => (await this.link?.whenLive(SOCKET_WAIT_MS)) ?? null,
      upload: async (entry, session) => (await loadFilesUi(this)).upload(entry, session),
      sent: (message) => this.receiver.messages([message]),
      failed: (clientId, code) => this.outbox.mark(clientId, code),
      rejected: (clientId, code) => {
        if (this.state.session) this.onRejected();
        else this.outbox.mark(clientId, code);
      },
      unreachable: () => this.set({ link: 'down' }),
    });
  }

  get state(): ChatState {
    return this.store.state;
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  private set(patch: Partial<ChatState>): void {
    this.store.set(patch);
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
      this.unread.update();
      this.retryNow();
    });
    // Another tab started or dropped a conversation: follow it instead of forking.
    onSessionChangedElsewhere((session) => {
      if (session?.token === this.state.session?.token) return;
      this.dropSession(false);
      if (session) this.adoptSession(session);
    });
  }

  step(): Step {
    return currentStep(this.state, this.host.identity);
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
    const { locale, t, departmentId } = configure(config, options, !!this.host.preview);
    this.locale = locale;
    this.t = t;
    saveLook(config.color, config.position);
    this.host.setLook(options.color || config.color, options.position ?? config.position);
    this.set({
      config,
      configFailed: false,
      departmentId: departmentId ?? this.state.departmentId,
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
      this.unread.update();
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
    showLauncher(this.host, this.t, this.state);
  }

  setSound(on: boolean): void {
    saveSound(on);
    if (on) unlockSound();
    this.set({ sound: on });
  }

  dismissNotice(key: string): void {
    this.set({ notices: this.state.notices.filter((notice) => notice.key !== key) });
  }

  // ── starting and leaving ─────────────────────────────────────────────────────

  chooseDepartment(departmentId: string | null): void {
    this.set({ departmentId });
    this.saveStart();
  }

  submitPrechat(values: FieldValues): void {
    this.set({ prechat: values });
    this.saveStart();
  }

  private saveStart(): void {
    saveStart({ departmentId: this.state.departmentId, prechat: this.state.prechat });
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
    saveSession(session);
    this.unread.reset();
    this.sync.loaded = !!conversation;
    this.set({ session, conversation, messages: [], closedNote: null, link: 'online' });
    this.openLink(session);
  }

  /** Forgets the conversation (closed, or its token no longer works) and returns to the start. */
  private dropSession(keepUnsent: boolean): void {
    this.link?.close();
    this.link = null;
    this.receiver.stopTyping();
    const unsent = this.outbox.drain().join('\n\n');
    saveSession(null);
    saveSeenSeq(null);
    this.sync.loaded = false;
    this.unread.reset();
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
    saveDraft(draft);
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
      this.saveStart();
      return null;
    }
    try {
      const { conversation } = await this.api.rename(session.conversationId, session.token, name);
      this.receiver.conversation(conversation);
      return null;
    } catch (error) {
      const failure = asRequestError(error);
      return failure.code === 'invalid_request' ? failure.message : this.t('error');
    }
  }

  // ── sending ──────────────────────────────────────────────────────────────────

  setDraft(draft: string): void {
    this.set({ draft });
    saveDraft(draft);
    this.typingSignal.update(draft.trim() !== '');
  }

  /** Adds files to the next message (loading the attachment UI the first time). */
  attach(files: File[]): void {
    // The console's preview sends nothing, so it keeps no files either.
    if (files.length && !this.host.preview)
      loadFilesUi(this).then(
        (ui) => ui.attach(files),
        () => this.set({ trayNote: this.t('error') }),
      );
  }

  send(raw: string): boolean {
    const text = raw.replace(/\r\n?/g, '\n').trim();
    const { tray } = this.state;
    if ((!text && !tray.length) || text.length > MAX_TEXT_LENGTH || this.host.preview) return false;
    this.outbox.add(text, tray);
    this.set({ tray: [], trayNote: '' });
    this.setDraft('');
    void this.sender.flush();
    return true;
  }

  retry(clientId: string): void {
    this.outbox.mark(clientId, undefined);
    this.sender.resetBackoff();
    void this.sender.flush();
  }

  discard(clientId: string): void {
    this.outbox.remove(clientId);
  }

  // ── the link ─────────────────────────────────────────────────────────────────

  private openLink(session: Session): void {
    this.link?.close();
    if (!this.sync.loaded) void this.sync.run();
    this.link = new Link(this.host.options.base, session.token, {
      connected: () => {
        this.unread.update();
        void this.sync.run().finally(() => this.sender.flush());
      },
      disconnected: () => this.receiver.stopTyping(),
      rejected: () => {
        if (this.state.session === session) this.onRejected();
      },
      event: (event) => this.receiver.event(event),
      poll: async () => {
        const ok = await this.sync.run();
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
