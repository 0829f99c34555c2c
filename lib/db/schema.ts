// The database schema (DESIGN §4). drizzle-kit generates the SQL migrations in drizzle/.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONVERSATION_CHANNELS, CONVERSATION_STATUSES } from '../contracts/conversation-state';

export interface VerifiedIdentity {
  sub: string;
  email?: string;
  name?: string;
}

/** Inline buttons as the Bot API takes them. */
export interface TelegramReplyMarkup {
  inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
}

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const telegramId = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // postgres.js hands out a Buffer, PGlite a Uint8Array: the same bytes either way.
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email'),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ['admin', 'agent'] })
      .notNull()
      .default('agent'),
    active: boolean('active').notNull().default(true),
    telegramUserId: telegramId('telegram_user_id').unique(),
    closingMessage: text('closing_message'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    /** Raised to end every session at once (password, role, disable, sign out everywhere). */
    sessionVersion: integer('session_version').notNull().default(1),
    /** The content hash naming the profile photo in `agent_avatars`; null: initials. */
    avatarHash: text('avatar_hash'),
    /** Listed among the team's faces in the widget (`GET /api/v1/widget/config`). */
    shownInWidget: boolean('shown_in_widget').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agents_email_lower_idx').on(sql`lower(${t.email})`),
    check('agents_role_check', sql`${t.role} in ('admin', 'agent')`),
  ],
);

export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  icon: text('icon'),
  color: text('color'),
  /** Shown in the widget instead of the general greeting once the visitor picked this one. */
  greeting: text('greeting'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  /** Its own forum supergroup; null posts into the main support chat. */
  telegramChatId: telegramId('telegram_chat_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Which agents belong to which departments: they see and are notified of those first. */
export const departmentMembers = pgTable(
  'department_members',
  {
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.agentId] }),
    index('department_members_agent_idx').on(t.agentId),
  ],
);

export { CONVERSATION_STATUSES };

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codename: text('codename').notNull().unique(),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open_unclaimed'),
    customerName: text('customer_name'),
    assignedAgentId: uuid('assigned_agent_id').references(() => agents.id, {
      onDelete: 'set null',
    }),
    telegramChatId: telegramId('telegram_chat_id'),
    telegramThreadId: integer('telegram_thread_id'),
    /** Where the customer writes from; `telegram`: a private chat with the bot. */
    channel: text('channel', { enum: CONVERSATION_CHANNELS }).notNull().default('widget'),
    /** The customer's private chat with the bot, where what the widget would show goes. */
    customerTelegramChatId: telegramId('customer_telegram_chat_id'),
    visitorId: text('visitor_id'),
    /** The address the conversation was started from, so a block can cover it too. */
    clientIp: text('client_ip'),
    /** The site's user id from a verified identity token (`Parley('identify', {token})`). */
    identitySub: text('identity_sub'),
    /** What the verified token said: `{sub, email?, name?}`; null for an anonymous visitor. */
    identity: jsonb('identity').$type<VerifiedIdentity>(),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Where replies go when the visitor has left (the widget, the pre-chat form, identity). */
    customerEmail: text('customer_email'),
    pageUrl: text('page_url'),
    pageTitle: text('page_title'),
    referrer: text('referrer'),
    locale: text('locale'),
    userAgent: text('user_agent'),
    tokenVersion: integer('token_version').notNull().default(1),
    /** The last `seq` handed out; bumped under the row lock so `seq` stays gap-free. */
    lastSeq: integer('last_seq').notNull().default(0),
    customerSeenSeq: integer('customer_seen_seq').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastCustomerAt: timestamp('last_customer_at', { withTimezone: true }),
    lastAgentAt: timestamp('last_agent_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the customer first wrote while nobody had claimed it; cleared by a claim. */
    awaitingClaimSince: timestamp('awaiting_claim_since', { withTimezone: true }),
    reminderLevel: integer('reminder_level').notNull().default(0),
  },
  (t) => [
    check(
      'conversations_status_check',
      sql`${t.status} in ('open_unclaimed', 'open_assigned', 'awaiting_customer', 'closed', 'blocked')`,
    ),
    check('conversations_channel_check', sql`${t.channel} in ('widget', 'telegram')`),
    index('conversations_status_activity_idx').on(t.status, t.lastActivityAt.desc(), t.id.desc()),
    index('conversations_activity_idx').on(t.lastActivityAt.desc(), t.id.desc()),
    index('conversations_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('conversations_department_idx').on(t.departmentId, t.status, t.lastActivityAt.desc()),
    index('conversations_assignee_idx').on(t.assignedAgentId, t.status),
    index('conversations_visitor_idx').on(t.visitorId),
    index('conversations_identity_idx').on(t.identitySub, t.status),
    index('conversations_telegram_thread_idx').on(t.telegramChatId, t.telegramThreadId),
    index('conversations_awaiting_claim_idx')
      .on(t.awaitingClaimSince)
      .where(sql`${t.status} = 'open_unclaimed'`),
    index('conversations_closed_at_idx').on(t.closedAt).where(sql`${t.status} = 'closed'`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    author: text('author', { enum: ['customer', 'agent', 'system'] }).notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** The name shown to the customer, kept as it was when the message was written. */
    agentName: text('agent_name'),
    templateKey: text('template_key'),
    text: text('text').notNull(),
    clientId: text('client_id'),
    /** The message's copy in its conversation's topic (the first, for a post of several). */
    telegramMessageId: integer('telegram_message_id'),
    /** The message this one quotes, always of the same conversation. */
    replyToId: uuid('reply_to_id').references((): AnyPgColumn => messages.id, {
      onDelete: 'set null',
    }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** A deleted message keeps its place and seq; its text is wiped and its files let go. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    index('messages_reply_to_idx').on(t.replyToId).where(sql`${t.replyToId} is not null`),
    index('messages_telegram_copy_idx')
      .on(t.conversationId, t.telegramMessageId)
      .where(sql`${t.telegramMessageId} is not null`),
    uniqueIndex('messages_conversation_client_id_idx').on(t.conversationId, t.clientId),
    check('messages_author_check', sql`${t.author} in ('customer', 'agent', 'system')`),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    telegramUserId: telegramId('telegram_user_id'),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notes_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** Domain events, written in the same transaction as the change they describe. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    conversationId: uuid('conversation_id'),
    actor: text('actor').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('events_conversation_idx').on(t.conversationId, t.id)],
);

/** One row per event and subscriber until the subscriber has handled it. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    subscriber: text('subscriber').notNull(),
    status: text('status', { enum: ['pending', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    // The dispatcher leases pending rows of all its channels in id order.
    index('deliveries_pending_idx').on(t.id).where(sql`${t.status} = 'pending'`),
    uniqueIndex('deliveries_event_subscriber_idx').on(t.eventId, t.subscriber),
  ],
);

export const telegramUpdates = pgTable('telegram_updates', {
  updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    conversationId: uuid('conversation_id'),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_conversation_idx').on(t.conversationId, t.id),
    index('audit_log_action_idx').on(t.action, t.id),
    index('audit_log_actor_idx').on(t.actor, t.id),
  ],
);

export const messageTemplates = pgTable(
  'message_templates',
  {
    key: text('key').notNull(),
    /** '' is the fallback text for every locale without its own. */
    locale: text('locale').notNull().default(''),
    text: text('text').notNull(),
    notice: boolean('notice').notNull().default(false),
    persist: boolean('persist').notNull().default(true),
    telegram: boolean('telegram').notNull().default(false),
    pin: boolean('pin').notNull().default(false),
    rateLimitSeconds: integer('rate_limit_seconds').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.key, t.locale] })],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  /** The secret's last four characters, so a list can tell tokens apart. */
  last4: text('last4').notNull().default(''),
  createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});

export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** Visitors (by visitor id, optionally also by IP) who may not start conversations. */
export const visitorBlocks = pgTable(
  'visitor_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitorId: text('visitor_id'),
    ip: text('ip'),
    reason: text('reason'),
    /** The conversation the block was made from, if any. */
    conversationId: uuid('conversation_id').references(() => conversations.id, {
      onDelete: 'set null',
    }),
    /** Null: until lifted. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('visitor_blocks_visitor_idx').on(t.visitorId),
    index('visitor_blocks_ip_idx').on(t.ip),
    check('visitor_blocks_target_check', sql`${t.visitorId} is not null or ${t.ip} is not null`),
  ],
);

/** When each system message was last emitted in a conversation (per-template rate limit). */
export const systemMessageLog = pgTable(
  'system_message_log',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.key] })],
);

/** The last run of each periodic job, so that one instance runs it once per period. */
export const sweepRuns = pgTable('sweep_runs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
});

/**
 * Jobs that one instance at a time may run (the Telegram poller): the holder renews its
 * lease before `expiresAt` (database time); once that passes, another instance takes it.
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Rate-limit counters shared by every instance (rate-limiter-flexible's Drizzle store). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});

/** Socket.IO's PostgreSQL adapter: broadcasts too large (or binary) for a NOTIFY. */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  payload: bytea('payload'),
});

export type AgentRow = typeof agents.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NoteRow = typeof notes.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type VisitorBlockRow = typeof visitorBlocks.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

// ---- Inbox: agents' read state, canned responses and invitations ----

/** How far each agent has read each conversation; drives the inbox's unread markers. */
export const agentReads = pgTable(
  'agent_reads',
  {
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    lastReadSeq: integer('last_read_seq').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.agentId, t.conversationId] }),
    index('agent_reads_conversation_idx').on(t.conversationId),
  ],
);

/** Replies agents insert with `/shortcut` in the composer; managed by admins. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by').references(() => agents.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('canned_responses_shortcut_idx').on(sql`lower(${t.shortcut})`)],
);

/** One-time links with which a new agent (or one whose password was reset) sets a password. */
export const agentInvites = pgTable(
  'agent_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('agent_invites_agent_idx').on(t.agentId)],
);

/** One signed-in browser: its id rides in the session cookie, so signing out ends it here. */
export const agentSessions = pgTable(
  'agent_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('agent_sessions_agent_idx').on(t.agentId)],
);

export type AgentReadRow = typeof agentReads.$inferSelect;
export type CannedResponseRow = typeof cannedResponses.$inferSelect;

// ---- Telegram: topics, the outbox, per-chat pacing and account links ----

/** What Parley last made a conversation's forum topic look like (the thread id lives on
 * `conversations`). Created when the first customer message asks for a topic. */
export const telegramTopics = pgTable('telegram_topics', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  title: text('title'),
  closed: boolean('closed').notNull().default(false),
  headerMessageId: integer('header_message_id'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const TELEGRAM_OUTBOX_KINDS = [
  'post',
  'sync_topic',
  'delete_topic',
  /** An inbox edit of a message: its copy in the topic is edited too. */
  'edit_post',
  /** A deleted message: its copy in the topic goes (or is marked deleted). */
  'delete_post',
  /** What the customer sees, sent to their private chat with the bot (`chat_id`). */
  'customer_post',
] as const;

/**
 * Every message and topic change for Telegram, delivered in (`position`, `id`) order per
 * lane (a conversation, or `chat:<id>:<thread>` for replies outside topics). `position` is
 * the id of the event the row came from, so a late event still lands in its place. A row
 * is sent once: the Telegram ids of what was sent are kept, part by part.
 */
export const telegramOutbox = pgTable(
  'telegram_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lane: text('lane').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    /** No foreign key on purpose: its key-share lock would make every outbox insert wait
     * for the conversation's writers; rows of a deleted conversation are dropped instead. */
    conversationId: uuid('conversation_id'),
    /** Only for lanes without a conversation: where to post. */
    chatId: telegramId('chat_id'),
    threadId: integer('thread_id'),
    kind: text('kind', { enum: TELEGRAM_OUTBOX_KINDS }).notNull(),
    text: text('text'),
    /** The Parley message a post mirrors, or that an edit or deletion changes. */
    messageId: uuid('message_id'),
    /** The Parley message a post answers: sent as a reply to its copy in the topic. */
    replyToMessageId: uuid('reply_to_message_id'),
    /** A post's files, sent as photos, documents or an album with `text` as the caption. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Inline buttons under the post (a customer's department choice). */
    replyMarkup: jsonb('reply_markup').$type<TelegramReplyMarkup>(),
    /** Customer messages: consecutive ones may go out as one post. */
    coalescible: boolean('coalescible').notNull().default(false),
    pin: boolean('pin').notNull().default(false),
    /** The event (and part of it) this row came from, so a redelivered event adds nothing. */
    dedupeKey: text('dedupe_key').unique(),
    status: text('status', { enum: ['pending', 'sent', 'merged', 'dead'] })
      .notNull()
      .default('pending'),
    mergedInto: bigint('merged_into', { mode: 'number' }),
    sentMessageIds: integer('sent_message_ids').array().notNull().default(sql`'{}'::integer[]`),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('telegram_outbox_pending_idx')
      .on(t.lane, t.position, t.id)
      .where(sql`${t.status} = 'pending'`),
    check(
      'telegram_outbox_kind_check',
      sql`${t.kind} in ('post', 'sync_topic', 'delete_topic', 'edit_post', 'delete_post', 'customer_post')`,
    ),
    index('telegram_outbox_merged_idx').on(t.mergedInto).where(sql`${t.mergedInto} is not null`),
    index('telegram_outbox_message_idx')
      .on(t.messageId)
      .where(sql`${t.kind} = 'post' and ${t.messageId} is not null`),
  ],
);

/** Per-chat pacing shared by every instance: the times of the latest calls (the reservoir's
 * window), the latest slot, and any 429 pause. */
export const telegramChats = pgTable('telegram_chats', {
  chatId: telegramId('chat_id').primaryKey(),
  nextSendAt: timestamp('next_send_at', { withTimezone: true }).notNull().defaultNow(),
  recentSends: timestamp('recent_sends', { withTimezone: true })
    .array()
    .notNull()
    .default(sql`'{}'::timestamptz[]`),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
});

/**
 * Customers' private chats with the bot: the department they picked with `/start` (kept
 * until their first message starts the conversation) and the conversation their messages
 * go to. A chat that only said `/start` has a row here and nothing else.
 */
export const telegramCustomerChats = pgTable('telegram_customer_chats', {
  chatId: telegramId('chat_id').primaryKey(),
  departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'set null' }),
  conversationId: uuid('conversation_id').references(() => conversations.id, {
    onDelete: 'set null',
  }),
  /** When the customer was last told they cannot write (blocked), so they hear it rarely. */
  blockedNoticeAt: timestamp('blocked_notice_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * "Continue in Telegram": one-time codes in a `t.me/<bot>?start=<code>` link that attach the
 * customer's private chat to their widget conversation. Only the hash is kept.
 */
export const telegramChatLinks = pgTable(
  'telegram_chat_links',
  {
    codeHash: text('code_hash').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('telegram_chat_links_conversation_idx').on(t.conversationId)],
);

/** One-time codes that tie a Telegram user to an inbox account; only the hash is kept. */
export const telegramLinkCodes = pgTable(
  'telegram_link_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('telegram_link_codes_agent_idx').on(t.agentId)],
);

export type TelegramOutboxRow = typeof telegramOutbox.$inferSelect;
export type TelegramCustomerChatRow = typeof telegramCustomerChats.$inferSelect;
export type TelegramTopicRow = typeof telegramTopics.$inferSelect;

// ---- Attachments: uploaded files, the messages they belong to, and stored bytes ----

/**
 * One uploaded file. The bytes live in the configured storage under `storage_key` (and
 * `thumbnail_key` for images), written before this row: a crash in between leaves bytes
 * without a row, which the orphan sweep removes. `message_id` is null until a message
 * takes it (once, in its own conversation); a row whose `conversation_id` became null
 * (the conversation was deleted) is waiting for its bytes to be removed.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id').references(() => conversations.id, {
      onDelete: 'set null',
    }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    /** Or the private note that carries it: agents only, never the customer. */
    noteId: uuid('note_id').references(() => notes.id, { onDelete: 'set null' }),
    /** Place among its message's (or note's) attachments, from 1. */
    position: integer('position').notNull().default(0),
    /** Who uploaded it, as in the audit log (`customer`, `agent:<id>`, `telegram:<id>`, …). */
    uploadedBy: text('uploaded_by').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    /** Once uploaded to Telegram, the file's id there: sending it again needs no upload. */
    telegramFileId: text('telegram_file_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId, t.position),
    index('attachments_conversation_idx').on(t.conversationId),
    index('attachments_note_idx').on(t.noteId, t.position),
    index('attachments_unsent_idx')
      .on(t.createdAt)
      .where(sql`${t.messageId} is null and ${t.noteId} is null`),
  ],
);

/** The bytes of attachments when ATTACHMENT_STORAGE=postgres. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  key: text('key').primaryKey(),
  data: bytea('data').notNull(),
  createdAt: createdAt(),
});

export type AttachmentRow = typeof attachments.$inferSelect;

/** Agents' profile photos, re-encoded and small; served by hash, so a URL never changes. */
export const agentAvatars = pgTable(
  'agent_avatars',
  {
    hash: text('hash').primaryKey(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('agent_avatars_agent_idx').on(t.agentId)],
);

// ---- Email: replies to visitors who left, transcripts, unsubscribes, widget presence ----

export const EMAIL_KINDS = ['replies', 'transcript'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Email waiting to go out, sent from here with retries (a stopped SMTP server loses
 * nothing). `replies` rows gather the agent replies a visitor has not seen: at most one is
 * pending per conversation, so a burst of replies becomes one email; `through_seq` records
 * the last message it carried. No foreign key, as for the Telegram outbox: rows of a
 * deleted conversation are skipped when their turn comes.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id').notNull(),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    /** Set for transcripts (the address asked for); replies go to the address at send time. */
    toAddress: text('to_address'),
    status: text('status', { enum: ['pending', 'sent', 'skipped', 'dead'] })
      .notNull()
      .default('pending'),
    throughSeq: integer('through_seq'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('email_outbox_conversation_idx').on(t.conversationId, t.kind, t.status),
    uniqueIndex('email_outbox_pending_replies_idx')
      .on(t.conversationId)
      .where(sql`${t.kind} = 'replies' and ${t.status} = 'pending'`),
    check('email_outbox_kind_check', sql`${t.kind} in ('replies', 'transcript')`),
  ],
);

/** Addresses that unsubscribed (stored lower-case): nothing more is sent to them. */
export const emailSuppressions = pgTable('email_suppressions', {
  address: text('address').primaryKey(),
  conversationId: uuid('conversation_id'),
  createdAt: createdAt(),
});

/**
 * When a widget of the conversation was last known open: written when a customer socket
 * connects and leaves, and refreshed while it stays. A table of its own, so the writes never
 * wait on the conversation's row lock.
 */
export const customerPresence = pgTable('customer_presence', {
  conversationId: uuid('conversation_id').primaryKey(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
});

export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
