// The fake Bot API's world: chats with forum topics, messages, the files sent in them,
// updates waiting for the bot, and a per-chat budget that answers 429 like Telegram does.

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  is_bot?: boolean;
}

/** A file as Telegram keeps it: its bytes, behind a file id and a download path. */
export interface FakeFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  /** The size Telegram reports, which a test may make larger than the bytes it keeps. */
  file_size: number;
  bytes: Buffer;
  name?: string;
  mime_type?: string;
  width?: number;
  height?: number;
}

export type FakeMediaKind = 'photo' | 'document' | 'voice' | 'video';

export interface FakeMessage {
  message_id: number;
  chat_id: number;
  thread_id: number | null;
  from: FakeUser;
  text: string;
  date: number;
  /** When the fake received it (ms), for latency measurements. */
  at: number;
  reply_markup?: unknown;
  disable_notification?: boolean;
  pinned?: boolean;
  /** Telegram's own notes in the chat ("topic created"), not the bot's posts. */
  service?: boolean;
  edits: string[];
  /** A photo, document, voice note or video, with its caption. */
  media?: { kind: FakeMediaKind; file: FakeFile };
  caption?: string;
  media_group_id?: string;
  /** The message this one answers (`reply_parameters`, or a person's reply). */
  reply_to_message_id?: number;
}

export interface FakeTopic {
  thread_id: number;
  name: string;
  closed: boolean;
  deleted: boolean;
}

export interface FakeChat {
  id: number;
  title: string;
  /** A private chat is a customer's with the bot: its id is the user's. */
  type: 'supergroup' | 'group' | 'private';
  is_forum: boolean;
  botStatus: 'administrator' | 'member' | 'creator';
  botCanManageTopics: boolean;
  /** The administrator right to delete others' messages. */
  botCanDeleteMessages: boolean;
  nextMessageId: number;
  topics: Map<number, FakeTopic>;
  messages: FakeMessage[];
  /** Times (ms) of recent calls that count against the budget. */
  budgetLog: number[];
  /** Until when the last 429 told the bot to wait (ms). */
  retryAt: number;
  /** The person in a private chat. */
  user?: FakeUser;
  /** A private chat whose user blocked the bot: sending there is refused (403). */
  botBlocked?: boolean;
}

/** A Bot API error, answered as `{ok: false, error_code, description, parameters?}`. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

export interface Budget {
  limit: number;
  windowMs: number;
}

export class FakeWorld {
  readonly chats = new Map<number, FakeChat>();
  readonly callbackAnswers: Array<{ id: string; text?: string; show_alert?: boolean }> = [];
  readonly calls: Array<{ method: string; chatId?: number; at: number }> = [];
  readonly files = new Map<string, FakeFile>();
  /** Files uploaded to the fake (multipart), in order: what the bot sent as bytes. */
  readonly uploads: FakeFile[] = [];
  /** Messages deleted (deleteMessage), as they were. */
  readonly deleted: FakeMessage[] = [];
  private fileCounter = 0;
  rateLimited = 0;
  /** Writes that came before the `retry_after` of an earlier 429 had passed. */
  callsDuringPause = 0;
  /** getUpdates calls cut short by another one (two bots polling at once), as Telegram does. */
  pollConflicts = 0;
  budget: Budget | null;

  constructor(budget: Budget | null) {
    this.budget = budget;
  }

  addChat(chat: Partial<FakeChat> & { id: number }): FakeChat {
    const full: FakeChat = {
      title: 'Support',
      type: 'supergroup',
      is_forum: true,
      botStatus: 'administrator',
      botCanManageTopics: true,
      botCanDeleteMessages: true,
      nextMessageId: 1,
      topics: new Map(),
      messages: [],
      budgetLog: [],
      retryAt: 0,
      ...chat,
    };
    this.chats.set(full.id, full);
    return full;
  }

  chat(id: unknown): FakeChat {
    const chat = this.chats.get(Number(id));
    if (!chat) throw new ApiError(400, 'Bad Request: chat not found');
    return chat;
  }

  addFile(bytes: Buffer, fields: Partial<Omit<FakeFile, 'bytes'>> = {}): FakeFile {
    const n = ++this.fileCounter;
    const file: FakeFile = {
      file_id: `fake-file-${n}`,
      file_unique_id: `fake-unique-${n}`,
      file_path: `files/file_${n}`,
      file_size: bytes.length,
      bytes,
      ...fields,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  file(fileId: unknown): FakeFile {
    const file = this.files.get(String(fileId));
    if (!file) throw new ApiError(400, 'Bad Request: wrong file identifier/HTTP URL specified');
    return file;
  }

  /** Counts a write into the chat against its budget, or answers 429. */
  spend(chat: FakeChat): void {
    if (!this.budget) return;
    const now = Date.now();
    if (now < chat.retryAt) this.callsDuringPause += 1;
    const { limit, windowMs } = this.budget;
    chat.budgetLog = chat.budgetLog.filter((t) => t > now - windowMs);
    if (chat.budgetLog.length >= limit) {
      this.rateLimited += 1;
      const retryAfter = Math.max(1, Math.ceil((chat.budgetLog[0]! + windowMs - now) / 1000));
      chat.retryAt = Math.max(chat.retryAt, now + retryAfter * 1000);
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    chat.budgetLog.push(now);
  }

  /** The topic a message goes to; General (null) when no thread is named. */
  topicFor(chat: FakeChat, threadId: unknown, forWriting: boolean): FakeTopic | null {
    if (threadId === undefined || threadId === null) return null;
    const topic = chat.topics.get(Number(threadId));
    if (!topic || topic.deleted) throw new ApiError(400, 'Bad Request: message thread not found');
    if (forWriting && topic.closed) throw new ApiError(400, 'Bad Request: TOPIC_CLOSED');
    return topic;
  }

  /** A message of the chat, or Telegram's error for one that is not there (or was deleted). */
  message(chat: FakeChat, messageId: unknown, what: string): FakeMessage {
    const message = chat.messages.find((m) => m.message_id === Number(messageId));
    if (!message) throw new ApiError(400, `Bad Request: message to ${what} not found`);
    return message;
  }

  /**
   * Where `reply_parameters` point: the message, which must be in the chat unless
   * `allow_sending_without_reply` says to send anyway.
   */
  replyTarget(chat: FakeChat, raw: unknown): number | undefined {
    const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    if (!value || typeof value !== 'object') return undefined;
    const { message_id, allow_sending_without_reply } = value as {
      message_id?: number;
      allow_sending_without_reply?: boolean;
    };
    if (message_id === undefined) return undefined;
    if (chat.messages.some((m) => m.message_id === Number(message_id))) return Number(message_id);
    if (allow_sending_without_reply) return undefined;
    throw new ApiError(400, 'Bad Request: message to be replied not found');
  }

  addMessage(
    chat: FakeChat,
    fields: Omit<FakeMessage, 'message_id' | 'chat_id' | 'date' | 'at' | 'edits'>,
  ): FakeMessage {
    const message: FakeMessage = {
      message_id: chat.nextMessageId++,
      chat_id: chat.id,
      date: Math.floor(Date.now() / 1000),
      at: Date.now(),
      edits: [],
      ...fields,
    };
    chat.messages.push(message);
    return message;
  }
}
