// Telegram's contracts: the update the webhook accepts, and the console's setup
// (`/api/v1/admin/telegram/…`): the requests it takes and the state and results it shows.
import { z } from 'zod';
import { boundedString, pgInt, telegramIdSchema } from './fields';
import {
  botTokenSchema,
  chatIdSchema,
  type SecretView,
  TELEGRAM_MODES,
  type TelegramMode,
} from './settings';

// ---- Updates ----
// What Parley reads of a Telegram update, webhook and polling alike. Every field Parley uses
// is checked (types, id ranges, lengths); fields it does not use pass through untouched, and
// kinds of update it does not handle are acknowledged and ignored. An update that fails
// here is logged once and acknowledged, never retried (lib/telegram/updates.ts).

// Telegram caps a message at 4096 characters and a caption at 1024; twice that leaves room.
const MAX_TELEGRAM_TEXT = 8192;

export const telegramUserSchema = z.looseObject({
  id: telegramIdSchema,
  is_bot: z.boolean().default(false),
  first_name: boundedString(256, 'first_name'),
  last_name: boundedString(256, 'last_name').optional(),
  username: boundedString(64, 'username').optional(),
});

export const telegramChatSchema = z.looseObject({
  id: telegramIdSchema,
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: boundedString(256, 'title').optional(),
  is_forum: z.boolean().optional(),
});

const messageShape = {
  message_id: pgInt(0),
  message_thread_id: pgInt(0).optional(),
  is_topic_message: z.boolean().optional(),
  from: telegramUserSchema.optional(),
  chat: telegramChatSchema,
  date: telegramIdSchema,
  edit_date: telegramIdSchema.optional(),
  text: boundedString(MAX_TELEGRAM_TEXT, 'text').optional(),
  caption: boundedString(MAX_TELEGRAM_TEXT, 'caption').optional(),
  migrate_to_chat_id: telegramIdSchema.optional(),
};

export const telegramMessageSchema = z.looseObject({
  ...messageShape,
  // A reply quotes the message it answers; only its ids are read.
  reply_to_message: z
    .looseObject({ message_id: pgInt(0), chat: telegramChatSchema.optional() })
    .optional(),
});

export const telegramCallbackQuerySchema = z.looseObject({
  id: boundedString(64, 'id'),
  from: telegramUserSchema,
  message: z.looseObject({ message_id: pgInt(0), chat: telegramChatSchema }).optional(),
  data: boundedString(64, 'data').optional(),
});

export const telegramChatMemberUpdateSchema = z.looseObject({
  chat: telegramChatSchema,
  from: telegramUserSchema,
  date: telegramIdSchema,
});

export const telegramUpdateSchema = z.looseObject({
  update_id: telegramIdSchema,
  message: telegramMessageSchema.optional(),
  edited_message: telegramMessageSchema.optional(),
  channel_post: telegramMessageSchema.optional(),
  callback_query: telegramCallbackQuerySchema.optional(),
  my_chat_member: telegramChatMemberUpdateSchema.optional(),
});
export type TelegramUpdateInput = z.output<typeof telegramUpdateSchema>;

// ---- The console's setup ----
// `botToken` left out means the token already saved (or set in the environment).

export const telegramTokenCheckSchema = z.strictObject({ botToken: botTokenSchema });

export const telegramGroupsRequestSchema = z.strictObject({
  botToken: botTokenSchema.optional(),
});

export const telegramGroupRequestSchema = z.strictObject({
  botToken: botTokenSchema.optional(),
  chatId: chatIdSchema,
});

export const telegramSaveSchema = z.strictObject({
  botToken: botTokenSchema.optional(),
  supportChatId: chatIdSchema,
  mode: z.enum(TELEGRAM_MODES).default('polling'),
  silent: z.boolean().optional(),
});

export type TelegramTokenCheck = z.output<typeof telegramTokenCheckSchema>;
export type TelegramGroupsRequest = z.output<typeof telegramGroupsRequestSchema>;
export type TelegramGroupRequest = z.output<typeof telegramGroupRequestSchema>;
export type TelegramSave = z.output<typeof telegramSaveSchema>;

/** A check that failed: what is wrong, and what the admin can do about it. */
export interface SetupProblem {
  problem: string;
  fix?: string;
}

export interface BotDto {
  id: number;
  username: string;
  name: string;
}

export type TokenCheckResult = { ok: true; bot: BotDto } | ({ ok: false } & SetupProblem);

export interface GroupDto {
  id: number;
  title: string;
  type: 'group' | 'supergroup';
  isForum: boolean;
}

export type GroupsResult = {
  /** `updates`: read with getUpdates; `running_bot`: what the running bot has received. */
  source: 'updates' | 'running_bot';
  groups: GroupDto[];
} & ({ ok: true } | ({ ok: false } & SetupProblem));

export interface SetupStepDto {
  id: 'token' | 'group' | 'forum' | 'admin';
  ok: boolean;
  label: string;
  problem?: string;
  fix?: string;
}

export interface GroupCheckResult {
  ok: boolean;
  chat: { id: number; title: string; isForum: boolean } | null;
  steps: SetupStepDto[];
}

export type TestTopicResult = { title: string } & (
  | { ok: true; threadId: number; removed: 'deleted' | 'closed' | 'kept' }
  | ({ ok: false } & SetupProblem)
);

export interface TelegramStateDto {
  /** `env`: TELEGRAM_BOT_TOKEN is set and wins; `database`: saved in the console. */
  source: 'env' | 'database' | 'off';
  bot: { username: string; name: string } | null;
  chat: { id: number; title: string | null } | null;
  mode: TelegramMode | null;
  silent: boolean;
  botToken: SecretView;
  webhookSecret: SecretView;
  health: {
    status: 'off' | 'ok' | 'degraded';
    /** 'off', 'ok', or what is wrong. */
    state: string;
    fix?: string;
    checkedAt: string;
  };
  /** What webhook mode would register with Telegram, and whether it may. */
  webhook: { url: string; allowed: boolean; reason?: string };
}
