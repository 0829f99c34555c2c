// Keeps this process's email side in step with the effective configuration (environment
// over the console's settings): reads it at boot and whenever settings change, and when the
// SMTP server or sender changed, replaces the sender. No restart needed.
import type { DatabaseHandle } from '../db/client';
import { setEmailSubscriberActive } from '../events/subscribers';
import { reportEmailState } from '../health';
import { logger } from '../log';
import { SETTINGS_CHANNEL } from '../settings/update-settings';
import { processSingleton } from '../singleton';
import { type EffectiveEmail, type EmailConfig, getEffectiveEmail } from './config';
import { EmailSender, type EmailSenderOptions } from './sender';

const REREAD_MS = 30_000;

export class EmailManager {
  private sender: EmailSender | null = null;
  private current: EmailConfig | null = null;
  private applied = false;
  private queue: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private stopped = false;
  effective: EffectiveEmail | null = null;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly senderOptions: EmailSenderOptions = {},
  ) {}

  async start(): Promise<void> {
    managerHolder().manager = this;
    this.unlisten = await this.handle.listen(SETTINGS_CHANNEL, () => void this.reload());
    this.timer = setInterval(() => void this.reload(), REREAD_MS);
    this.timer.unref();
    await this.reload();
  }

  reload(): Promise<void> {
    this.queue = this.queue
      .then(() => this.apply())
      .catch((error) => logger().error({ err: error }, 'email could not be (re)started'));
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.queue;
    await this.sender?.stop();
    this.sender = null;
    if (managerHolder().manager === this) managerHolder().manager = null;
  }

  private async apply(): Promise<void> {
    if (this.stopped) return;
    const effective = await getEffectiveEmail(this.handle.db);
    this.effective = effective;
    const { config } = effective;
    if (this.applied && JSON.stringify(config) === JSON.stringify(this.current)) return;
    await this.sender?.stop();
    this.sender = null;
    this.applied = true;
    this.current = config;
    setEmailSubscriberActive(config !== null);
    if (!config) {
      reportEmailState('off');
      logger().info(
        'email is off: set SMTP_URL and MAIL_FROM, or the SMTP server in Admin → Email',
      );
      return;
    }
    logger().info({ source: effective.source }, 'email starting');
    this.sender = new EmailSender(this.handle.db, config, this.senderOptions);
    this.sender.start();
  }
}

const managerHolder = () =>
  processSingleton('email.manager', () => ({ manager: null as EmailManager | null }));

/** Applies a settings change at once in a process that runs the email manager. */
export async function reloadEmail(): Promise<void> {
  await managerHolder().manager?.reload();
}

/** The configuration this process's manager runs with, if it runs one. */
export function runningEmail(): EffectiveEmail | null {
  return managerHolder().manager?.effective ?? null;
}
