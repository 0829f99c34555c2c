// Starts Parley's Telegram side in the server process: checks the setup (result in /readyz
// and the logs), starts the outbox sender, and receives updates by webhook (when
// TELEGRAM_WEBHOOK_SECRET is set) or by long polling. Telegram off → nothing starts.
import type { Database } from '../db/client';
import { env } from '../env';
import { reportTelegramState } from '../health';
import { logger } from '../log';
import { telegramConfig } from './api';
import { TelegramPoller } from './polling';
import { TelegramSender } from './sender';
import { checkTelegramSetup } from './setup-check';
import { processTelegramUpdate, pruneProcessedUpdates, telegramEdge } from './updates';

export const WEBHOOK_PATH = '/api/telegram/webhook';
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'];
const RECHECK_MS = 30_000;

export interface TelegramRuntime {
  stop(): Promise<void>;
}

export async function startTelegram(database: Database): Promise<TelegramRuntime | null> {
  const log = logger();
  const config = telegramConfig();
  const edge = telegramEdge();
  if (!config || !edge) {
    reportTelegramState('off');
    log.info(
      'Telegram is off: set TELEGRAM_BOT_TOKEN and TELEGRAM_SUPPORT_CHAT_ID to mirror chats',
    );
    return null;
  }
  const { telegram } = edge.bot;
  let recheck: NodeJS.Timeout | undefined;
  const check = async () => {
    const result = await checkTelegramSetup(telegram, config.supportChatId);
    reportTelegramState(result.state);
    if (result.me) edge.bot.botInfo = result.me;
    if (result.ok) {
      log.info({ bot: result.me?.username, chatId: config.supportChatId }, 'Telegram ready');
      clearInterval(recheck);
    } else {
      log.warn(
        { problem: result.state, fix: result.fix },
        `Telegram: ${result.state}. ${result.fix ?? ''}`,
      );
    }
    return result.ok;
  };
  if (!(await check())) {
    // Fixed in Telegram while Parley runs (bot promoted, topics turned on): notice it.
    recheck = setInterval(() => void check().catch(() => {}), RECHECK_MS);
    recheck.unref();
  }

  const sender = new TelegramSender({
    database,
    telegram,
    supportChatId: config.supportChatId,
    silent: config.silent,
  });
  sender.start();
  await pruneProcessedUpdates().catch((error) =>
    log.warn({ err: error }, 'pruning updates failed'),
  );

  let poller: TelegramPoller | undefined;
  if (config.webhookSecret) {
    const url = `${env().publicUrl}${WEBHOOK_PATH}`;
    try {
      await telegram.setWebhook(url, {
        secret_token: config.webhookSecret,
        allowed_updates: ALLOWED_UPDATES as never,
      });
      log.info({ url }, 'Telegram webhook set');
    } catch (error) {
      reportTelegramState(`webhook not set: ${(error as Error).message}`);
      log.warn({ err: error, url }, 'Telegram webhook could not be set; check PUBLIC_URL');
    }
  } else {
    // getUpdates is refused while a webhook is set (e.g. by an earlier deployment).
    await telegram
      .deleteWebhook()
      .catch((error) => log.warn({ err: error }, 'deleteWebhook failed'));
    poller = new TelegramPoller(telegram, processTelegramUpdate);
    poller.start();
    log.info('Telegram long polling started');
  }

  return {
    async stop() {
      clearInterval(recheck);
      await poller?.stop();
      await sender.stop();
    },
  };
}
