// The widget's behaviour, free of UI: the configuration, the panel and sending. It wires the
// parts that each own one concern: the state (state.ts), what is kept between page views
// (saved.ts), the language (language.ts), starting and leaving (session.ts), the live link
// (link.ts), the catch-up (sync.ts), what arrives (receive.ts), the outbox (sender.ts), the
// unread count (unread.ts) and announcements (announcer.ts). The UI renders `state` and
// calls the actions.
import type { Message, WidgetConfig } from '../../lib/contracts/dto';
import type { Host } from '../host';
import { writeTab } from '../storage';
import { unlockSound } from './alert';
import { Announcer } from './announcer';
import { Api } from './api';
import { loadChunk } from './chunks';
import { configure } from './config';
import type { ConversationUi } from './conversation';
import { watchEmail } from './email';
import { loadFilesUi } from './files';
import type { ChunkStrings, Translate } from './i18n';
import { Language } from './language';
import { showLauncher } from './launcher';
import { backoff, type Link } from './link';
import { Outbox } from './outbox';
import { Receiver } from './receive';
import { onSessionChangedElsewhere, restoredState, saveDraft, saveLook, saveSound } from './saved';
import { Sender } from './sender';
import { Sessions } from './session';
import { type Card, type ChatState, currentStep, type Session, type Step, Store } from './state';
import { Sync } from './sync';
import type { TypingSignal } from './typing';
import { Unread } from './unread';

export type { FieldValues } from './new-conversation';
export type { Card, ChatState, Session, Step } from './state';

/** The server's limit on message text (lib/contracts/text.ts, not importable at run time). */
export const MAX_TEXT_LENGTH = 4000;

const POLL_OPEN_MS = 3_000;
const POLL_CLOSED_MS = 15_000;
const SOCKET_WAIT_MS = 2_000;

export class Chat {
  /** The state; the attachment UI (files.ts) reads and changes its own parts of it. */
  readonly store: Store;
  readonly #api: Api;
  #link: Link | null = null;
  /** The live link on its way: it comes with the conversation chunk (conversation.ts). */
  #opening: Promise<void> | null = null;
  #openingTimer?: ReturnType<typeof setTimeout>;
  #openingFailures = 0;
  /** Files on their way into the tray (the attachment UI loading). */
  #attaching: Promise<void> | null = null;
  readonly #sender: Sender;
  readonly outbox: Outbox;
  readonly #sync: Sync;
  readonly #receiver: Receiver;
  readonly #unread: Unread;
  readonly #announcer: Announcer;
  /** Starting and leaving: the department, the pre-chat answers, the visitor's name. */
  readonly sessions: Sessions;
  readonly #language: Language;
  /** The visitor's "typing…" to agents, over the live link (so with it, from the chunk). */
  #typingSignal: TypingSignal | null = null;
  #configFailures = 0;

  constructor(readonly host: Host) {
    this.#api = new Api(host.options.base);
    this.store = new Store(restoredState());
    this.#language = new Language(this, host.options.locale, () => {
      this.#set({});
      this.#updateLauncher();
    });
    this.outbox = new Outbox(this.store);
    this.#announcer = new Announcer(this.store, host, () => this.t);
    this.#unread = new Unread(
      this.store,
      (seq) => this.#link?.live()?.emit('seen', { seq }),
      () => this.#updateLauncher(),
    );
    this.#sync = new Sync(this.#api, this.store, {
      messages: (messages) => this.#receiver.messages(messages),
      conversation: (conversation, closedNote) =>
        this.#receiver.conversation(conversation, closedNote),
      rejected: () => this.#onRejected(),
    });
    this.#receiver = new Receiver(
      this.store,
      this.outbox,
      this.#sync,
      this.#announcer,
      this.#unread,
      () => this.t('support'),
    );
    this.sessions = new Sessions({
      api: this.#api,
      host,
      store: this.store,
      outbox: this.outbox,
      sync: this.#sync,
      receiver: this.#receiver,
      unread: this.#unread,
      locale: () => this.locale,
      openLink: (session) => this.#openLink(session),
      closeLink: () => this.#closeLink(),
      changed: () => this.#updateLauncher(),
      t: () => this.t,
    });
    this.#sender = new Sender({
      api: this.#api,
      next: () => this.outbox.next(),
      conversation: () => this.sessions.ensure(),
      socket: async () => {
        await this.#opening;
        return (await this.#link?.whenLive(SOCKET_WAIT_MS)) ?? null;
      },
      upload: async (entry, session) => (await loadFilesUi(this)).upload(entry, session),
      sent: (message) => this.#receiver.messages([message]),
      failed: (clientId, code) => this.outbox.mark(clientId, code),
      rejected: (clientId, code) => {
        if (this.state.session) this.#onRejected();
        else this.outbox.mark(clientId, code);
      },
      unreachable: () => this.#set({ link: 'down' }),
    });
  }

  get state(): ChatState {
    return this.store.state;
  }

  get t(): Translate {
    return this.#language.t;
  }

  get locale(): string {
    return this.#language.locale;
  }

  /** A chunk outside the budget brings its own words, in every language (see i18n.ts). */
  addStrings(byLocale: Record<string, Partial<ChunkStrings>>): void {
    this.#language.extend(byLocale);
  }

  /** Whether the visitor's language has arrived (the panel waits for it). */
  get speaks(): boolean {
    return this.#language.ready;
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  #set(patch: Partial<ChatState>): void {
    this.store.set(patch);
  }

  start(): void {
    if (this.host.preview) {
      // The console's preview: its config, as the admin types; no server, no conversation.
      this.host.preview((config) => this.#applyConfig(config));
      return;
    }
    void this.loadConfig();
    watchEmail(this);
    if (this.state.session) this.#openLink(this.state.session);
    else if (this.state.pending.length) void this.#sender.flush();
    window.addEventListener('online', () => {
      this.#set({ offline: false });
      this.#retryNow();
    });
    window.addEventListener('offline', () => this.#set({ offline: true }));
    // Audio may only start after a user gesture; any gesture on the page will do.
    document.addEventListener('pointerdown', unlockSound, { once: true, capture: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') return;
      this.#unread.update();
      this.#retryNow();
    });
    // Another tab started or dropped a conversation: follow it instead of forking.
    onSessionChangedElsewhere((session) => {
      if (session?.token === this.state.session?.token) return;
      this.sessions.drop(false);
      if (session) this.sessions.adopt(session);
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
      this.#applyConfig(fetched ?? (await this.#api.config(this.locale)));
      this.#configFailures = 0;
    } catch {
      this.#set({ configFailed: true });
      setTimeout(() => void this.loadConfig(), backoff(++this.#configFailures));
    }
  }

  #applyConfig(config: WidgetConfig): void {
    const { options } = this.host;
    const { locale, overrides, departmentId } = configure(config, options, !!this.host.preview);
    this.#language.use(locale, overrides);
    saveLook(config.color, config.position);
    this.host.setLook(options.color || config.color, options.position ?? config.position);
    this.#set({
      config,
      configFailed: false,
      departmentId: departmentId ?? this.state.departmentId,
    });
    this.#updateLauncher();
    // A visitor who must choose or answer first gets the start form before they open.
    const step = this.step();
    if (step === 'departments' || step === 'form') void loadChunk(this, 'start').catch(() => {});
  }

  // ── panel ────────────────────────────────────────────────────────────────────

  setOpen(open: boolean): void {
    if (open === this.state.open) return;
    this.#set({ open });
    writeTab('open', open ? '1' : null);
    this.#updateLauncher();
    this.host.emit(open ? 'open' : 'close');
    if (open) {
      unlockSound();
      this.#unread.update();
      if (this.state.configFailed) void this.loadConfig();
      this.#retryNow();
    } else if (
      this.host.root.activeElement &&
      this.host.root.activeElement !== this.host.launcher
    ) {
      // Focus inside the panel would be lost with it: hand it back to the launcher.
      this.host.launcher.focus();
    }
  }

  #updateLauncher(): void {
    showLauncher(this.host, this.t, this.state);
  }

  setSound(on: boolean): void {
    saveSound(on);
    if (on) unlockSound();
    this.#set({ sound: on });
  }

  dismissNotice(key: string): void {
    this.#set({ notices: this.state.notices.filter((notice) => notice.key !== key) });
  }

  /** Shows a lazy module's view in the panel, in place of any card with the same key. */
  showCard(card: Card): void {
    this.#set({ cards: [...this.state.cards.filter((c) => c.key !== card.key), card] });
  }

  hideCard(key: string): void {
    this.#set({ cards: this.state.cards.filter((card) => card.key !== key) });
  }

  /** Quotes `message` in the next one the visitor sends (null: no quote). */
  replyTo(message: Message | null): void {
    this.#set({ replyTo: message });
  }

  /** The server no longer accepts our token: start over cleanly rather than retry forever. */
  #onRejected(): void {
    this.sessions.drop(true);
  }

  // ── sending ──────────────────────────────────────────────────────────────────

  setDraft(draft: string): void {
    this.#set({ draft });
    saveDraft(draft);
    this.#typingSignal?.update(draft.trim() !== '');
  }

  /** Adds files to the next message (loading the attachment UI the first time). */
  attach(files: File[]): void {
    // The console's preview sends nothing, so it keeps no files either.
    if (!files.length || this.host.preview) return;
    const attaching: Promise<void> = loadFilesUi(this)
      .then(
        (ui) => ui.attach(files),
        () => this.#set({ trayNote: this.t('error') }),
      )
      .finally(() => {
        if (this.#attaching === attaching) this.#attaching = null;
      });
    this.#attaching = attaching;
  }

  send(raw: string): boolean {
    // A message sent while its files are still being attached waits for them.
    const attaching = this.#attaching;
    if (attaching) {
      void attaching.then(() => this.send(raw));
      return true;
    }
    const text = raw.replace(/\r\n?/g, '\n').trim();
    const { tray, replyTo } = this.state;
    if ((!text && !tray.length) || text.length > MAX_TEXT_LENGTH || this.host.preview) return false;
    this.outbox.add(text, tray, replyTo);
    this.#set({ tray: [], trayNote: '', replyTo: null });
    this.setDraft('');
    void this.#sender.flush();
    return true;
  }

  retry(clientId: string): void {
    this.outbox.mark(clientId, undefined);
    this.#sender.resetBackoff();
    void this.#sender.flush();
  }

  discard(clientId: string): void {
    this.outbox.remove(clientId);
  }

  // ── the link ─────────────────────────────────────────────────────────────────

  /**
   * Connects the conversation's live link. It comes with the conversation chunk, which a
   * first-time visitor's app does not carry: fetched with the first message, or at once for
   * a returning visitor, while the catch-up brings the history. Should the chunk not load,
   * the link counts as down and the chunk is asked for again, with backoff.
   */
  #openLink(session: Session): void {
    this.#closeLink();
    if (!this.#sync.loaded) void this.#sync.run();
    const opening: Promise<void> = loadChunk<ConversationUi>(this, 'conversation').then(
      (ui) => {
        if (this.#opening !== opening) return;
        this.#openingFailures = 0;
        this.#link = this.#connect(ui, session);
      },
      () => {
        if (this.#opening !== opening) return;
        this.#opening = null;
        this.#set({ link: 'down' });
        const retry = () => {
          if (!this.#link && !this.#opening && this.state.session === session) {
            this.#openLink(session);
          }
        };
        this.#openingTimer = setTimeout(retry, backoff(++this.#openingFailures));
      },
    );
    this.#opening = opening;
  }

  #closeLink(): void {
    clearTimeout(this.#openingTimer);
    this.#opening = null;
    this.#link?.close();
    this.#link = null;
  }

  #connect({ Link, TypingSignal }: ConversationUi, session: Session): Link {
    this.#typingSignal ??= new TypingSignal(() => this.#link?.live() ?? null);
    return new Link(this.host.options.base, session.token, {
      connected: () => {
        this.#unread.update();
        void this.#sync.run().finally(() => this.#sender.flush());
      },
      disconnected: () => this.#receiver.stopTyping(),
      rejected: () => {
        if (this.state.session === session) this.#onRejected();
      },
      event: (event) => this.#receiver.event(event),
      poll: async () => {
        const ok = await this.#sync.run();
        if (ok) void this.#sender.flush();
        return ok;
      },
      pollInterval: () => (this.state.open ? POLL_OPEN_MS : POLL_CLOSED_MS),
      reachable: (up) => this.#set({ link: up ? 'online' : 'down' }),
    });
  }

  /** Skips the remaining backoff: the network is back, or the visitor is looking. */
  #retryNow(): void {
    this.#sender.resetBackoff();
    const { session } = this.state;
    if (session && !this.#link && !this.#opening) this.#openLink(session);
    this.#link?.retryNow();
    void this.#sender.flush();
  }
}
