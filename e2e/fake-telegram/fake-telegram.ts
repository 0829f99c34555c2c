// A fake Telegram Bot API server for tests: an HTTP server speaking the Bot API (point
// TELEGRAM_API_ROOT at `url`), plus what a test needs to act as the people in the group —
// write in a topic, send a photo or a file, edit, press a button, delete a topic — and to
// look at what the bot did (files it uploaded included, by multipart as Telegram takes
// them). Updates go to the webhook (with the secret header) once one is set, else to
// getUpdates. Files are downloaded from `/file/bot<token>/<path>`, as from Telegram.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Busboy } from '@fastify/busboy';
import { callMediaMethod, MEDIA_METHODS } from './media';
import { callMethod, chatView, FAKE_BOT, messageView } from './methods';
import {
  ApiError,
  type Budget,
  type FakeChat,
  type FakeFile,
  type FakeMediaKind,
  type FakeUser,
  FakeWorld,
} from './state';

export type { Budget, FakeChat, FakeFile, FakeUser };
export { FAKE_BOT };

export interface FakeTelegramOptions {
  token?: string;
  /** Writes allowed per chat per window; null for no limit. */
  budget?: Budget | null;
}

type Update = { update_id: number } & Record<string, unknown>;

/** A message as it appears in an update. */
export type UpdateMessage = ReturnType<typeof messageView>;

export const FAKE_TOKEN = '123456:fake-telegram-token';

const WRITES = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendMediaGroup',
  'editMessageText',
  'editMessageCaption',
  'deleteMessage',
  'createForumTopic',
  'editForumTopic',
  'closeForumTopic',
  'reopenForumTopic',
  'deleteForumTopic',
  'pinChatMessage',
  'unpinChatMessage',
]);

export class FakeTelegram {
  readonly world: FakeWorld;
  /** The bot's current token; calls with any other are answered 401. */
  token: string;
  url = '';
  private server: Server | undefined;
  private webhook: { url: string; secret?: string } | null = null;
  private queue: Update[] = [];
  private readonly resent = new Set<Update>();
  private readonly history = new Map<number, Update>();
  private nextUpdateId = 10_000;
  private waiters = new Set<() => void>();
  /** Ends the getUpdates call that is waiting, when another one comes in. */
  private supersedePoll: (() => void) | null = null;
  private callbackIds = 0;
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;
  /** Calls parked by `hold()` so far. */
  parked = 0;
  private readonly waiting = new Set<IncomingMessage>();

  constructor(options: FakeTelegramOptions = {}) {
    this.token = options.token ?? FAKE_TOKEN;
    this.world = new FakeWorld(options.budget ?? null);
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  addSupportGroup(id: number, overrides: Partial<FakeChat> = {}): FakeChat {
    return this.world.addChat({ id, ...overrides });
  }

  get webhookUrl(): string | null {
    return this.webhook?.url ?? null;
  }

  // ---- acting as people in the group ----

  /** Someone adds the bot to a (new) group: Telegram tells the bot with my_chat_member. */
  addBotToGroup(
    by: FakeUser,
    chat: Partial<FakeChat> & { id: number; title: string },
  ): { chat: FakeChat; update: Update; delivered: Promise<number> } {
    const added = this.world.addChat({
      type: 'supergroup',
      is_forum: false,
      botStatus: 'member',
      botCanManageTopics: false,
      ...chat,
    });
    const status = added.botStatus === 'creator' ? 'administrator' : added.botStatus;
    return {
      chat: added,
      ...this.push({
        my_chat_member: {
          chat: chatView(added),
          from: by,
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: FAKE_BOT, status: 'left' },
          new_chat_member: {
            user: FAKE_BOT,
            status,
            ...(status === 'administrator' ? { can_manage_topics: added.botCanManageTopics } : {}),
          },
        },
      }),
    };
  }

  /** A group admin changes the group (topics on) or the bot's rights, as in Telegram's UI. */
  changeGroup(
    chatId: number,
    changes: Partial<
      Pick<
        FakeChat,
        'is_forum' | 'botStatus' | 'botCanManageTopics' | 'botCanDeleteMessages' | 'title'
      >
    >,
  ): FakeChat {
    return Object.assign(this.world.chat(chatId), changes);
  }

  /** A user writes in a topic (or General with `threadId` null), maybe replying to a message. */
  write(
    user: FakeUser,
    chatId: number,
    threadId: number | null,
    text: string,
    options: { replyTo?: number } = {},
  ) {
    const chat = this.world.chat(chatId);
    if (threadId !== null) this.world.topicFor(chat, threadId, false);
    if (options.replyTo !== undefined) this.world.message(chat, options.replyTo, 'reply to');
    const message = this.world.addMessage(chat, {
      thread_id: threadId,
      from: user,
      text,
      ...(options.replyTo !== undefined ? { reply_to_message_id: options.replyTo } : {}),
    });
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.push({
      message: { ...messageView(chat, message), ...(entities ? { entities } : {}) },
    });
  }

  /**
   * A user sends a photo, document, voice note or video in a topic. `declaredSize` makes
   * Telegram report a larger file than the bytes kept (for the 20 MB download limit).
   */
  sendFile(
    user: FakeUser,
    chatId: number,
    threadId: number,
    file: {
      kind: FakeMediaKind;
      bytes: Buffer;
      name?: string;
      mimeType?: string;
      caption?: string;
      width?: number;
      height?: number;
      declaredSize?: number;
    },
  ) {
    const chat = this.world.chat(chatId);
    this.world.topicFor(chat, threadId, false);
    const stored = this.world.addFile(file.bytes, {
      name: file.name,
      mime_type: file.mimeType,
      width: file.width,
      height: file.height,
      ...(file.declaredSize ? { file_size: file.declaredSize } : {}),
    });
    const message = this.world.addMessage(chat, {
      thread_id: threadId,
      from: user,
      text: '',
      media: { kind: file.kind, file: stored },
      caption: file.caption,
    });
    return { file: stored, ...this.push({ message: messageView(chat, message) }) };
  }

  /** The user edits a message they wrote (the caption, for a file). */
  edit(user: FakeUser, chatId: number, messageId: number, text: string) {
    const chat = this.world.chat(chatId);
    const message = chat.messages.find((m) => m.message_id === messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    if (message.media) {
      message.edits.push(message.caption ?? '');
      message.caption = text;
    } else {
      message.edits.push(message.text);
      message.text = text;
    }
    return this.push({
      edited_message: {
        ...messageView(chat, message),
        from: user,
        edit_date: Math.floor(Date.now() / 1000),
      },
    });
  }

  // ---- acting as customers in private chats with the bot ----

  /** The customer's private chat with the bot (opened by their first message). */
  privateChat(user: FakeUser): FakeChat {
    return (
      this.world.chats.get(user.id) ??
      this.world.addChat({ id: user.id, type: 'private', title: '', is_forum: false, user })
    );
  }

  /** A customer writes to the bot in their private chat (`/start …` included), maybe
   * replying to a message there. */
  writePrivately(user: FakeUser, text: string, options: { replyTo?: number } = {}) {
    return this.pushPrivate(user, { text, replyTo: options.replyTo });
  }

  /**
   * Anything else in the private chat, as Telegram shows it: a sticker (`{sticker: {…}}`),
   * a service message (`{pinned_message: {…}}`), a location…
   */
  sendPrivately(user: FakeUser, fields: Record<string, unknown>) {
    return this.pushPrivate(user, { text: '' }, fields);
  }

  /** What the bot sent to the customer, oldest first. */
  privateMessages(user: FakeUser) {
    return this.world.chats.get(user.id)?.messages.filter((m) => m.from.id === FAKE_BOT.id) ?? [];
  }

  private pushPrivate(
    user: FakeUser,
    { text, replyTo }: { text: string; replyTo?: number },
    fields?: Record<string, unknown>,
  ) {
    const chat = this.privateChat(user);
    if (replyTo !== undefined) this.world.message(chat, replyTo, 'reply to');
    const message = this.world.addMessage(chat, {
      thread_id: null,
      from: user,
      text,
      ...(replyTo !== undefined ? { reply_to_message_id: replyTo } : {}),
    });
    const view = messageView(chat, message);
    if (fields) {
      const { text: _text, ...rest } = view as typeof view & { text?: string };
      return this.push({ message: { ...rest, ...fields } });
    }
    const entities = text.startsWith('/')
      ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }]
      : undefined;
    return this.push({ message: { ...view, ...(entities ? { entities } : {}) } });
  }

  /** The user presses an inline button under a bot message. */
  press(user: FakeUser, chatId: number, messageId: number, data: string) {
    const chat = this.world.chat(chatId);
    const message = chat.messages.find((m) => m.message_id === messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    const id = `cbq-${++this.callbackIds}`;
    return {
      id,
      ...this.push({
        callback_query: {
          id,
          from: user,
          message: messageView(chat, message),
          chat_instance: '1',
          data,
        },
      }),
    };
  }

  /** Sends an update that was already delivered once, as Telegram does after a timeout. */
  redeliver(updateId: number) {
    const update = this.history.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    // In polling mode this stands for a confirmation Telegram lost: served whatever the offset.
    this.resent.add(update);
    return this.deliver(update);
  }

  /** An admin deletes a topic in Telegram. */
  deleteTopic(chatId: number, threadId: number): void {
    this.world.topicFor(this.world.chat(chatId), threadId, false)!.deleted = true;
  }

  /** An admin closes a topic by hand in Telegram. */
  closeTopic(chatId: number, threadId: number): void {
    this.world.topicFor(this.world.chat(chatId), threadId, false)!.closed = true;
  }

  /** Parks every call that would change a chat until `resume()`, as a slow Telegram would. */
  hold(): void {
    this.held ??= new Promise((resolve) => {
      this.release = resolve;
    });
  }

  /** Parked calls whose caller is still connected (a killed bot's connections drop). */
  get parkedConnected(): number {
    return [...this.waiting].filter((req) => !req.socket.destroyed).length;
  }

  /** Lets parked calls through; those whose caller hung up meanwhile are never applied. */
  resume(): void {
    this.release?.();
    this.held = null;
    this.release = null;
  }

  // ---- looking at the group ----

  topics(chatId: number) {
    return [...this.world.chat(chatId).topics.values()];
  }

  /** Messages in a topic (or General with null), oldest first. */
  messages(chatId: number, threadId: number | null) {
    return this.world.chat(chatId).messages.filter((m) => m.thread_id === threadId);
  }

  botMessages(chatId: number, threadId: number | null) {
    return this.messages(chatId, threadId).filter((m) => m.from.id === FAKE_BOT.id && !m.service);
  }

  // ---- plumbing ----

  private push(body: Record<string, unknown>) {
    const update = { update_id: this.nextUpdateId++, ...body };
    this.history.set(update.update_id, update);
    return { update, delivered: this.deliver(update) };
  }

  /** Resolves with the webhook's status, or 0 once queued for getUpdates. */
  private async deliver(update: Update): Promise<number> {
    if (this.webhook) {
      const response = await fetch(this.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.webhook.secret
            ? { 'X-Telegram-Bot-Api-Secret-Token': this.webhook.secret }
            : {}),
        },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      return response.status;
    }
    this.queue.push(update);
    for (const wake of this.waiters) wake();
    return 0;
  }

  private onFileDownload(req: IncomingMessage, res: ServerResponse): boolean {
    const match = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (!match) return false;
    const file = [...this.world.files.values()].find((f) => f.file_path === match[2]);
    if (match[1] !== this.token || !file) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return true;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': file.bytes.length,
    });
    res.end(file.bytes);
    return true;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.onFileDownload(req, res)) return;
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const reply = (status: number, body: unknown) => {
      if (res.writableEnded) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!match || match[1] !== this.token) {
      reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    try {
      const params = await readParams(req);
      const chatId = params.chat_id === undefined ? undefined : Number(params.chat_id);
      if (this.held && WRITES.has(method)) {
        // Parked before Telegram applies it: a bot killed now never had it done.
        this.parked += 1;
        this.waiting.add(req);
        await this.held;
        this.waiting.delete(req);
        if (res.destroyed || req.socket.destroyed) return;
      }
      this.world.calls.push({ method, chatId, at: Date.now() });
      const result = await this.answer(method, params, res);
      reply(200, { ok: true, result });
    } catch (error) {
      if (error instanceof ApiError) {
        reply(error.code, {
          ok: false,
          error_code: error.code,
          description: error.description,
          ...(error.parameters ? { parameters: error.parameters } : {}),
        });
        return;
      }
      reply(500, { ok: false, error_code: 500, description: String(error) });
    }
  }

  private async answer(method: string, params: Record<string, unknown>, res: ServerResponse) {
    switch (method) {
      case 'setWebhook':
        this.webhook = {
          url: String(params.url),
          secret: params.secret_token as string | undefined,
        };
        // An unreachable webhook keeps the update for later, as Telegram does.
        for (const update of this.queue.splice(0)) {
          void this.deliver(update).catch(() => this.queue.push(update));
        }
        return true;
      case 'deleteWebhook':
        this.webhook = null;
        return true;
      case 'getWebhookInfo':
        return {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
        };
      case 'getUpdates':
        return this.getUpdates(params, res);
      default:
        return MEDIA_METHODS.has(method)
          ? callMediaMethod(this.world, method, params)
          : callMethod(this.world, method, params);
    }
  }

  private async getUpdates(params: Record<string, unknown>, res: ServerResponse) {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = Number(params.offset ?? 0);
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset || this.resent.delete(u));
    }
    const limit = Number(params.limit ?? 100);
    // Telegram serves one poller: a second getUpdates ends the waiting one with a 409.
    if (this.supersedePoll) {
      this.world.pollConflicts += 1;
      this.supersedePoll();
    }
    let superseded = false;
    if (this.queue.length === 0) {
      const timeoutMs = Number(params.timeout ?? 0) * 1000;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          if (this.supersedePoll === supersede) this.supersedePoll = null;
          resolve();
        };
        const supersede = () => {
          superseded = true;
          done();
        };
        const timer = setTimeout(done, timeoutMs);
        this.waiters.add(done);
        this.supersedePoll = supersede;
        res.once('close', done);
      });
    }
    if (superseded) {
      throw new ApiError(
        409,
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      );
    }
    return this.queue.slice(0, limit);
  }
}

/** A multipart call (files uploaded): fields as strings, files as `{upload}` values. */
function readMultipart(req: IncomingMessage): Promise<Record<string, unknown>> {
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  return new Promise((resolve, reject) => {
    const params: Record<string, unknown> = { ...query };
    const parser = Busboy({ headers: req.headers as { 'content-type': string } });
    parser.on('field', (name, value) => {
      params[name] = value;
    });
    parser.on('file', (name, stream, filename, _encoding, mimeType) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        params[name] = { upload: { bytes: Buffer.concat(chunks), filename, mimeType } };
      });
    });
    parser.on('finish', () => resolve(params));
    parser.on('error', reject);
    req.pipe(parser);
  });
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    return readMultipart(req);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  if (!raw) return query;
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    return { ...query, ...(JSON.parse(raw) as Record<string, unknown>) };
  }
  return { ...query, ...Object.fromEntries(new URLSearchParams(raw)) };
}
