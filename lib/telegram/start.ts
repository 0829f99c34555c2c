// Starts Parley's Telegram side for one configuration: checks the setup (result in /readyz,
// the console and the logs), starts the outbox sender, and receives updates by webhook or
// by long polling. The Telegram manager starts and stops it as the configuration changes.
import type { Database } from '../db/client';
import { Lease } from '../db/lease';
import { env } from '../env';
import { reportTelegramState } from '../health';
import { logger } from '../log';
import type { TelegramConfig } from './config';
import { TelegramPoller } from './polling';
import { TelegramSender } from './sender';
import { checkTelegramSetup } from './setup-check';
import { processTelegramUpdate, pruneProcessedUpdates, telegramEdge } from './updates';

export const WEBHOOK_PATH = '/api/telegram/webhook';
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'];
const RECHECK_MS = 30_000;
/** A standby instance takes over polling this long (at most, plus a third) after it stops. */
const POLLER_LEASE_MS = 9_000;

export interface TelegramRuntime {
  stop(): Promise<void>;
}

/** Starts with `config`, which must already be the running one (see `telegramConfig()`). */
export async function startTelegram(
  database: Database,
  config: TelegramConfig,
): Promise<TelegramRuntime> {
  const log = logger();
  const edge = telegramEdge()!;
  const { telegram } = edge.bot;
  let stopped = false;
  let recheck: NodeJS.Timeout | undefined;
  const check = async () => {
    const result = await checkTelegramSetup(telegram, config.supportChatId);
    // A check that was under way when this configuration was replaced reports nothing.
    if (stopped) return true;
    reportTelegramState(result.state, result.fix);
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
  if (config.mode === 'webhook' && config.webhookSecret) {
    const url = `${env().publicUrl}${WEBHOOK_PATH}`;
    try {
      await telegram.setWebhook(url, {
        secret_token: config.webhookSecret,
        allowed_updates: ALLOWED_UPDATES as never,
      });
      log.info({ url }, 'Telegram webhook set');
    } catch (error) {
      reportTelegramState(
        `webhook not set: ${(error as Error).message}`,
        'PUBLIC_URL must be an address Telegram can reach (https), or choose polling.',
      );
      log.warn({ err: error, url }, 'Telegram webhook could not be set; check PUBLIC_URL');
    }
  } else {
    // getUpdates is refused while a webhook is set (e.g. by an earlier deployment).
    await telegram
      .deleteWebhook()
      .catch((error) => log.warn({ err: error }, 'deleteWebhook failed'));
    poller = new TelegramPoller(telegram, processTelegramUpdate, {
      lease: new Lease(database, 'telegram-poller', POLLER_LEASE_MS),
    });
    poller.start();
    log.info('Telegram long polling started');
  }

  return {
    async stop() {
      stopped = true;
      clearInterval(recheck);
      await poller?.stop();
      await sender.stop();
    },
  };
}
