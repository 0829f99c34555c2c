// The bot the console's setup talks to: the token just pasted, or, when none is given, the
// one already in effect (saved or from the environment). Its failures read as problems an
// admin can fix.
import type { Telegram } from 'telegraf';
import type { SetupProblem } from '../../contracts/telegram';
import { db } from '../../db/client';
import { env } from '../../env';
import { AppError } from '../../errors';
import { getSettings } from '../../settings/settings';
import { classifyFailure, createBot } from '../api';
import { getEffectiveTelegram } from '../config';

export interface SetupBot {
  token: string;
  telegram: Telegram;
}

export async function setupBot(botToken: string | undefined): Promise<SetupBot> {
  let token = botToken;
  if (!token) {
    const { config } = await getEffectiveTelegram();
    token = config?.botToken ?? (await getSettings(db(), 'telegram')).botToken ?? undefined;
  }
  if (!token) throw new AppError('invalid_request', 'botToken: paste the bot token first');
  return {
    token,
    telegram: createBot({ botToken: token, apiRoot: env().telegram.apiRoot }).telegram,
  };
}

/** A failed Bot API call as the console shows it. */
export function setupProblem(error: unknown): SetupProblem {
  const failure = classifyFailure(error);
  if (failure.kind === 'unauthorized') {
    return {
      problem: 'Telegram rejected this token',
      fix: 'Copy the token again from @BotFather (/mybots → your bot → API Token).',
    };
  }
  if (failure.kind === 'transient') {
    return {
      problem: `The Bot API did not answer: ${failure.description}`,
      fix: 'Check that this server can reach api.telegram.org (or TELEGRAM_API_ROOT), then try again.',
    };
  }
  if (failure.kind === 'rate_limited') {
    return {
      problem: `Telegram asks to wait ${failure.retryAfterSeconds} s`,
      fix: 'Try again shortly.',
    };
  }
  return { problem: 'description' in failure ? failure.description : failure.kind };
}
