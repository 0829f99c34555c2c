// Which Telegram configuration is in effect: the TELEGRAM_* variables when
// TELEGRAM_BOT_TOKEN is set (they win over the console), else what an admin saved in the
// database, else none (Telegram off). The Bot API root always comes from the environment.
import type { TelegramMode } from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { env } from '../env';
import { getSettings } from '../settings/settings';

export interface TelegramConfig {
  botToken: string;
  supportChatId: number;
  apiRoot: string;
  mode: TelegramMode;
  /** Set in webhook mode: Telegram sends it with every update. */
  webhookSecret?: string;
  silent: boolean;
}

export type TelegramSource = 'env' | 'database' | 'off';

export interface EffectiveTelegram {
  source: TelegramSource;
  config: TelegramConfig | null;
}

/** The configuration from the environment alone, or null when it names no bot. */
export function environmentTelegramConfig(): TelegramConfig | null {
  const { telegram } = env();
  if (!telegram.enabled || !telegram.botToken || !telegram.supportChatId) return null;
  return {
    botToken: telegram.botToken,
    supportChatId: Number(telegram.supportChatId),
    apiRoot: telegram.apiRoot,
    // As before the console existed: a webhook secret in the environment means webhook mode.
    mode: telegram.webhookSecret ? 'webhook' : 'polling',
    webhookSecret: telegram.webhookSecret,
    silent: telegram.silent,
  };
}

export async function getEffectiveTelegram(tx: Queryable = db()): Promise<EffectiveTelegram> {
  const fromEnv = environmentTelegramConfig();
  if (fromEnv) return { source: 'env', config: fromEnv };
  const stored = await getSettings(tx, 'telegram');
  if (!stored.botToken || stored.supportChatId === null) return { source: 'off', config: null };
  const webhook = stored.mode === 'webhook' && stored.webhookSecret;
  return {
    source: 'database',
    config: {
      botToken: stored.botToken,
      supportChatId: stored.supportChatId,
      apiRoot: env().telegram.apiRoot,
      mode: webhook ? 'webhook' : 'polling',
      ...(webhook ? { webhookSecret: stored.webhookSecret! } : {}),
      silent: stored.silent,
    },
  };
}

/** Two configurations that would run the same bot the same way. */
export function sameTelegramConfig(a: TelegramConfig | null, b: TelegramConfig | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
