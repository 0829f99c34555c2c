// Keeps this process's Telegram side in step with the effective configuration (environment
// over the console's settings): reads it at boot and again whenever settings change (a
// NOTIFY from any instance, or a periodic re-read as a safety net), and when it differs
// stops the old poller, webhook and sender cleanly and starts new ones. No restart needed.
import type { DatabaseHandle } from '../db/client';
import { setTelegramSubscriberActive } from '../events/subscribers';
import { reportTelegramState } from '../health';
import { logger } from '../log';
import { SETTINGS_CHANNEL } from '../settings/update-settings';
import { processSingleton } from '../singleton';
import { setRunningTelegramConfig } from './api';
import {
  getEffectiveTelegram,
  sameTelegramConfig,
  type TelegramConfig,
  type TelegramSource,
} from './config';
import { startTelegram, type TelegramRuntime } from './start';

const REREAD_MS = 30_000;

export class TelegramManager {
  private runtime: TelegramRuntime | null = null;
  private current: TelegramConfig | null = null;
  private applied = false;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  source: TelegramSource = 'off';

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly rereadMs = REREAD_MS,
  ) {}

  async start(): Promise<void> {
    managerHolder().manager = this;
    this.unlisten = await this.handle.listen(SETTINGS_CHANNEL, () => void this.reload());
    this.timer = setInterval(() => void this.reload(), this.rereadMs);
    this.timer.unref();
    await this.reload();
  }

  /** Re-reads the configuration and applies it; calls run one after another. */
  reload(): Promise<void> {
    this.queue = this.queue
      .then(() => this.apply())
      .catch((error) => logger().error({ err: error }, 'Telegram could not be (re)started'));
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.queue;
    await this.runtime?.stop();
    this.runtime = null;
    if (managerHolder().manager === this) managerHolder().manager = null;
  }

  private async apply(): Promise<void> {
    if (this.stopped) return;
    const { source, config } = await getEffectiveTelegram(this.handle.db);
    this.source = source;
    if (this.applied && sameTelegramConfig(config, this.current)) return;
    const log = logger();
    if (this.runtime) {
      await this.runtime.stop();
      this.runtime = null;
      log.info('Telegram stopped for a new configuration');
    }
    this.applied = true;
    this.current = config;
    setRunningTelegramConfig(config);
    setTelegramSubscriberActive(config !== null);
    if (!config) {
      reportTelegramState('off');
      log.info('Telegram is off: connect a bot in the console (/admin/telegram) to mirror chats');
      return;
    }
    log.info({ source, mode: config.mode, chatId: config.supportChatId }, 'Telegram starting');
    this.runtime = await startTelegram(this.handle.db, config);
  }
}

const managerHolder = () =>
  processSingleton('telegram.manager', () => ({ manager: null as TelegramManager | null }));

/** Applies a configuration change at once when this process runs Telegram's manager (the
 * server does; other instances follow the NOTIFY). */
export async function reloadTelegram(): Promise<void> {
  await managerHolder().manager?.reload();
}

/** Where the running configuration came from, as this process's manager read it. */
export function runningTelegramSource(): TelegramSource | null {
  return managerHolder().manager?.source ?? null;
}
