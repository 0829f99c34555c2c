// The Telegram Bot API client (telegraf) of this process, and how its failures are read.
// One bot per process: the webhook route handler (Next's bundle) and the custom server
// share it through a process singleton.

import type { Telegram } from 'telegraf';
import { Telegraf, TelegramError } from 'telegraf';
import { processSingleton } from '../singleton';
import type { TelegramConfig } from './config';

export type { TelegramConfig };

const running = () =>
  processSingleton('telegram.running-config', () => ({ config: null as TelegramConfig | null }));

/** The configuration this process's Telegram side runs with, or null while it is off.
 * Set by the Telegram manager whenever the effective configuration changes. */
export function telegramConfig(): TelegramConfig | null {
  return running().config;
}

export function setRunningTelegramConfig(config: TelegramConfig | null): void {
  running().config = config;
}

export function createBot(config: Pick<TelegramConfig, 'botToken' | 'apiRoot'>): Telegraf {
  // No webhook replies: every call is a real request whose result we can check.
  // telegraf resolves `./bot<token>/<method>` against the root: a trailing slash keeps a
  // self-hosted Bot API server's path prefix.
  return new Telegraf(config.botToken, {
    telegram: { apiRoot: `${config.apiRoot}/`, webhookReply: false },
  });
}

const holder = () => processSingleton('telegram.bot', () => ({ bot: null as Telegraf | null }));

export function setProcessBot(bot: Telegraf | null): void {
  holder().bot = bot;
}

export function processBot(): Telegraf | null {
  return holder().bot;
}

export type { Telegram };

/** What a failed Bot API call means for the outbox. */
export type CallFailure =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'thread_missing' }
  | { kind: 'topic_closed' }
  | { kind: 'not_modified' }
  /** The message to edit or delete is not there (any more). */
  | { kind: 'message_gone' }
  /** Telegram will not let the bot change it: too old, or someone else's without the right. */
  | { kind: 'cannot_change' }
  /** The bot token no longer works (revoked or replaced): nothing goes until a new one. */
  | { kind: 'unauthorized'; description: string }
  | { kind: 'rejected'; description: string }
  | { kind: 'transient'; description: string };

// Telegram names these conditions only in the description text; there is no other code.
const THREAD_MISSING = /message thread not found|TOPIC_DELETED|TOPIC_ID_INVALID/i;

export function classifyFailure(error: unknown): CallFailure {
  if (error instanceof TelegramError) {
    const description = error.description ?? String(error.code);
    if (error.code === 429) {
      return { kind: 'rate_limited', retryAfterSeconds: error.parameters?.retry_after ?? 5 };
    }
    if (error.code >= 500) return { kind: 'transient', description };
    if (error.code === 401) return { kind: 'unauthorized', description: `401: ${description}` };
    if (THREAD_MISSING.test(description)) return { kind: 'thread_missing' };
    if (/TOPIC_CLOSED/i.test(description)) return { kind: 'topic_closed' };
    if (/TOPIC_NOT_MODIFIED|message is not modified/i.test(description)) {
      return { kind: 'not_modified' };
    }
    if (/message to (edit|delete) not found|MESSAGE_ID_INVALID/i.test(description)) {
      return { kind: 'message_gone' };
    }
    if (
      /message can't be (edited|deleted)|there is no (text|caption) in the message/i.test(
        description,
      )
    ) {
      return { kind: 'cannot_change' };
    }
    return { kind: 'rejected', description: `${error.code}: ${description}` };
  }
  return { kind: 'transient', description: (error as Error)?.message ?? String(error) };
}

/** A private chat that takes no more messages: the customer blocked the bot, deleted their
 * account, or never started a chat with it. Only an answer about a customer's chat means
 * this; in a group the same words name a setup an admin can fix. */
export function isCustomerChatGone(failure: CallFailure): boolean {
  return (
    failure.kind === 'rejected' &&
    /bot was blocked by the user|user is deactivated|chat not found|bot can't initiate/i.test(
      failure.description,
    )
  );
}
