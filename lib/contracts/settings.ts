// The settings an admin can change (DESIGN §12): one schema per key of
// `POST /api/v1/admin/settings`, with the defaults that apply until something is stored.
// Shared by the server (validation) and the console (types).
import { z } from 'zod';
import { boundedString, lineString, pgInt, telegramIdSchema } from './fields';

// ---- Widget ----

export const preChatFieldSchema = z.strictObject({
  id: z
    .string()
    .max(32, 'An id has at most 32 characters')
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_]{0,31}$/,
      'An id starts with a letter: letters, digits and _ (at most 32)',
    ),
  label: lineString(100, 'A label').min(1, 'A label is required'),
  type: z.enum(['text', 'email', 'tel', 'textarea', 'select', 'checkbox']),
  required: z.boolean().default(false),
  options: z.array(lineString(100, 'An option').min(1, 'An option is empty')).max(50).optional(),
});

/** The pre-chat form, in the order the widget asks (DESIGN §12: its own settings key). */
export const preChatFieldsSettingsSchema = z.strictObject({
  fields: z
    .array(preChatFieldSchema)
    .max(20)
    .refine(
      (fields) => new Set(fields.map((field) => field.id)).size === fields.length,
      'Field ids must be unique',
    )
    .refine(
      (fields) => fields.every((field) => field.type !== 'select' || field.options?.length),
      'A select field needs at least one option',
    )
    .default([]),
});
export type PreChatFieldSetting = z.output<typeof preChatFieldSchema>;

export const widgetSettingsSchema = z.strictObject({
  title: lineString(60, 'Title').min(1, 'Title is required').default('Chat with us'),
  subtitle: lineString(120, 'Subtitle').default('We reply in a few minutes'),
  color: z
    .string()
    .max(7)
    .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #rrggbb')
    .default('#4f46e5'),
  position: z.enum(['left', 'right']).default('right'),
  greeting: boundedString(500, 'Greeting').default('Hi! How can we help you today?'),
  locale: lineString(16, 'Locale').default('en'),
  strings: z
    .record(lineString(64, 'A string key'), boundedString(500, 'A string'))
    .refine((strings) => Object.keys(strings).length <= 200, 'At most 200 strings')
    .default({}),
  /** Shown in the widget's header under that name; empty: the title says it all. */
  teamName: lineString(60, 'Team name').default(''),
  /** An agent active within this many seconds makes the widget show "online". */
  onlineWindowSeconds: pgInt(10, 86_400).default(300),
});

// ---- Automation, working hours and retention ----
// Every threshold is in seconds, so tests (and impatient teams) can shrink them.

const seconds = pgInt(1, 365 * 86_400);

export const automationSettingsSchema = z.strictObject({
  /** Reminders to agents after the first unclaimed customer message. */
  firstReminderSeconds: seconds.default(300),
  secondReminderSeconds: seconds.default(900),
  /** Close when a customer's message got no agent reply for this long (null: never). */
  autoCloseNoAgentReplySeconds: seconds.nullable().default(null),
  /** Close when the customer stayed silent this long after an agent's reply (null: never). */
  autoCloseCustomerSilentSeconds: seconds.nullable().default(null),
  /** How often each instance looks for due reminders and closures. */
  sweepIntervalSeconds: pgInt(1, 3600).default(15),
});

const clockTime = z
  .string()
  .max(5, 'Expected HH:MM')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM');
const interval = z.strictObject({ from: clockTime, to: clockTime });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const officeDay = [{ from: '09:00', to: '17:00' }];
const day = z.array(interval).max(6).default([]);

export const workingHoursSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  timezone: z
    .string()
    .max(64, 'Unknown time zone')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone')
    .default('UTC'),
  week: z
    .strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
    .default({
      mon: officeDay,
      tue: officeDay,
      wed: officeDay,
      thu: officeDay,
      fri: officeDay,
      sat: [],
      sun: [],
    }),
  /** Whole days off, as YYYY-MM-DD in the schedule's time zone. */
  holidays: z
    .array(
      z
        .string()
        .max(10, 'Expected YYYY-MM-DD')
        .regex(/^\d{4}-\d\d-\d\d$/, 'Expected YYYY-MM-DD'),
    )
    .max(366)
    .default([]),
});
export type WorkingHoursSettings = z.output<typeof workingHoursSettingsSchema>;

export const retentionSettingsSchema = z.strictObject({
  /** Purge closed conversations this many days after they closed (null: keep forever). */
  closedConversationDays: pgInt(1, 36_500).nullable().default(null),
});

// ---- Telegram ----
// The bot and its support group (set up in the console; TELEGRAM_* variables, when set,
// win), and the pacing: Telegram allows about 20 messages a minute per group (topic
// creation included); tests shrink the numbers to run in seconds.

export const TELEGRAM_MODES = ['polling', 'webhook'] as const;
export type TelegramMode = (typeof TELEGRAM_MODES)[number];

/** A token as @BotFather hands it out: `<bot id>:<secret>`. */
export const botTokenSchema = boundedString(256, 'A bot token').regex(
  /^\d{1,20}:[A-Za-z0-9_-]{1,200}$/,
  'Expected a bot token such as 123456789:AAE…',
);

export const webhookSecretSchema = z
  .string()
  .max(256, 'The webhook secret has at most 256 characters')
  .regex(/^[A-Za-z0-9_-]{1,256}$/, 'The webhook secret may use A-Z a-z 0-9 _ - only');

/** A group's id: supergroups' ids start with -100. */
export const chatIdSchema = telegramIdSchema;

export const telegramSettingsSchema = z.strictObject({
  /** Calls per minute into one group, spent as a reservoir: a quiet group gets a burst of
   * up to 20 calls at once, then the rest at this pace (lib/telegram/pacing.ts). */
  messagesPerMinute: z.number().min(1).max(1_000_000).default(20),
  /** A customer message waits this long for the next ones, so a burst becomes one post. */
  coalesceWindowMs: pgInt(0, 60_000).default(1500),
  /** Write-only: the admin API shows `{set, last4}`, never the value. Null: not set. */
  botToken: botTokenSchema.nullable().default(null),
  supportChatId: chatIdSchema.nullable().default(null),
  /** Write-only like the token; generated when webhook mode is saved without one. */
  webhookSecret: webhookSecretSchema.nullable().default(null),
  /** Posts into the group without a notification sound. */
  silent: z.boolean().default(true),
  mode: z.enum(TELEGRAM_MODES).default('polling'),
});

export type TelegramSettings = z.output<typeof telegramSettingsSchema>;

// ---- Email (DESIGN §14) ----
// The SMTP server and sender (SMTP_URL and MAIL_FROM, when set, win), and when replies go
// out to a visitor who left the page.

export const smtpUrlSchema = boundedString(2048, 'The SMTP URL').regex(
  /^smtps?:\/\/[^\s/?#]+(:\d+)?(\/[^\s]*)?$/,
  'Expected an SMTP URL such as smtp://user:password@mail.example.com:587',
);

/** `support@example.com` or `Acme support <support@example.com>`. */
export const mailboxSchema = lineString(320, 'The address').regex(
  /^([^<>@\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
  'Expected an address such as support@example.com or Acme <support@example.com>',
);

export const emailAddressSchema = lineString(254, 'The email address').pipe(
  z.email('Expected an email address such as ann@example.com'),
);

export const emailSettingsSchema = z.strictObject({
  /** Write-only, like the bot token: it usually carries the SMTP password. */
  smtpUrl: smtpUrlSchema.nullable().default(null),
  from: mailboxSchema.nullable().default(null),
  /** Replies arrive here, plus-addressed per conversation; null: the from address. */
  replyTo: emailAddressSchema.nullable().default(null),
  /** Write-only: what an inbound mail provider sends to POST /api/v1/email/inbound. */
  inboundSecret: z
    .string()
    .min(16, 'The inbound secret has at least 16 characters')
    .max(256, 'The inbound secret has at most 256 characters')
    .regex(/^[\x21-\x7e]+$/, 'The inbound secret has no spaces')
    .nullable()
    .default(null),
  /** A reply is emailed once no widget of the conversation was open for this long. */
  awaySeconds: seconds.default(180),
  /** How long the first reply waits for the next ones, so a burst becomes one email. */
  batchSeconds: pgInt(0, 3600).default(60),
  /** At most one email of replies per conversation this often. */
  minIntervalSeconds: pgInt(0, 86_400).default(300),
});
export type EmailSettings = z.output<typeof emailSettingsSchema>;

// ---- Identity ----

export const identitySettingsSchema = z.strictObject({
  /** Refuse conversations without a valid identity token (signed-in visitors only). */
  required: z.boolean().default(false),
});

// ---- Every key ----

export const SETTINGS_SCHEMAS = {
  widget: widgetSettingsSchema,
  preChatFields: preChatFieldsSettingsSchema,
  automation: automationSettingsSchema,
  workingHours: workingHoursSettingsSchema,
  retention: retentionSettingsSchema,
  telegram: telegramSettingsSchema,
  email: emailSettingsSchema,
  identity: identitySettingsSchema,
} as const;

export type SettingsKey = keyof typeof SETTINGS_SCHEMAS;
export type Settings<K extends SettingsKey> = z.output<(typeof SETTINGS_SCHEMAS)[K]>;

export type AllSettings = { [K in SettingsKey]: Settings<K> };

/** A write-only secret as the admin API shows it. */
export interface SecretView {
  set: boolean;
  last4: string | null;
}

/** The `telegram` key as `GET /api/v1/admin/settings` shows it: secrets masked, and
 * whether TELEGRAM_BOT_TOKEN (which then wins over everything stored) is set. */
export type TelegramSettingsView = Omit<TelegramSettings, 'botToken' | 'webhookSecret'> & {
  botToken: SecretView;
  webhookSecret: SecretView;
  managedByEnvironment: boolean;
};

/** The `email` key as the admin API shows it: secrets masked, and which fields the
 * environment (SMTP_URL, MAIL_FROM, MAIL_REPLY_TO, EMAIL_INBOUND_SECRET) sets instead. */
export type EmailSettingsView = Omit<EmailSettings, 'smtpUrl' | 'inboundSecret'> & {
  smtpUrl: SecretView;
  inboundSecret: SecretView;
  managedByEnvironment: boolean;
  /** EMAIL_INBOUND_SECRET is set, and wins over the stored inbound secret. */
  inboundManagedByEnvironment: boolean;
};

/** Every setting as the admin API returns it. */
export type AdminSettings = Omit<AllSettings, 'telegram' | 'email'> & {
  telegram: TelegramSettingsView;
  email: EmailSettingsView;
};

/** Whether the team counts as open right now under the stored working hours. */
export interface WorkingHoursStatus {
  /** False only while working hours are on and now falls outside them. */
  open: boolean;
  enabled: boolean;
  timezone: string;
  /** Now in the schedule's time zone, e.g. "Wed 2026-12-02 14:05". */
  localTime: string;
  /** Why it is closed: a holiday, or simply outside the weekly hours. */
  reason: 'disabled' | 'holiday' | 'hours' | 'open';
}

/** `GET /api/v1/admin/email`: whether email works here and what waits to go out. */
export interface EmailStatus {
  /** 'off', 'ok', or what is wrong with the SMTP server (a short sentence). */
  state: string;
  fix: string | null;
  /** Where the SMTP server comes from: SMTP_URL, the console, or nowhere. */
  source: 'env' | 'database' | 'off';
  from: string | null;
  /** Whether replies to Parley's email come back into conversations (an inbound secret is set). */
  inbound: boolean;
  /** Where an inbound mail provider posts replies. */
  inboundUrl: string;
  pending: number;
  failed: number;
}
