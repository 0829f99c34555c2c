// Telegram's contracts: the update the webhook accepts, and the console's setup
// (`/api/v1/admin/telegram/…`): the requests it takes and the state and results it shows.
import { z } from 'zod';
import { telegramIdSchema } from './fields';
import {
  botTokenSchema,
  chatIdSchema,
  type SecretView,
  TELEGRAM_MODES,
  type TelegramMode,
} from './settings';

// What the Telegram webhook accepts: an Update object. Only its id is checked here; telegraf
// reads the rest, and updates of kinds Parley does not use are ignored.
export const telegramUpdateSchema = z.looseObject({
  update_id: telegramIdSchema,
});

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
