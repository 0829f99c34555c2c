// The database schema (DESIGN §4). drizzle-kit generates the SQL migrations in drizzle/.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const telegramId = (name: string) => bigint(name, { mode: 'number' });

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
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  telegramChatId: telegramId('telegram_chat_id'),
  createdAt: createdAt(),
});

export const CONVERSATION_STATUSES = [
  'open_unclaimed',
  'open_assigned',
  'awaiting_customer',
  'closed',
  'blocked',
] as const;

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
    visitorId: text('visitor_id'),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
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
    reminderLevel: integer('reminder_level').notNull().default(0),
  },
  (t) => [
    check(
      'conversations_status_check',
      sql`${t.status} in ('open_unclaimed', 'open_assigned', 'awaiting_customer', 'closed', 'blocked')`,
    ),
    index('conversations_status_activity_idx').on(t.status, t.lastActivityAt.desc(), t.id.desc()),
    index('conversations_activity_idx').on(t.lastActivityAt.desc(), t.id.desc()),
    index('conversations_department_idx').on(t.departmentId, t.status, t.lastActivityAt.desc()),
    index('conversations_assignee_idx').on(t.assignedAgentId, t.status),
    index('conversations_visitor_idx').on(t.visitorId),
    index('conversations_telegram_thread_idx').on(t.telegramChatId, t.telegramThreadId),
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
    telegramMessageId: integer('telegram_message_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_idx').on(t.conversationId, t.seq),
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
    index('deliveries_pending_idx')
      .on(t.subscriber, t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending'`),
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
  (t) => [index('audit_log_conversation_idx').on(t.conversationId, t.id)],
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

export type AgentRow = typeof agents.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NoteRow = typeof notes.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
