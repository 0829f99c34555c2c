// Sends what the email outbox holds, on every instance at once (rows are leased). Replies
// wait while the visitor still has the widget open and for the per-conversation interval;
// a server that does not answer degrades email, keeps every row and is probed until it is
// back, when everything waiting goes out at once.
import type { Database } from '../db/client';
import type { EmailOutboxRow } from '../db/schema';
import { reportEmailState } from '../health';
import { logger } from '../log';
import type { EffectiveEmail, EmailConfig } from './config';
import { getEffectiveEmail } from './config';
import { EmailOutbox, onEmailSenderWake } from './outbox';
import { prepareEmail } from './prepare-email';
import { createMailer, describeSmtpProblem, isPermanentRefusal, type Mailer } from './transport';

export interface EmailSenderOptions {
  pollMs?: number;
  /** How often a degraded server is checked again. */
  probeMs?: number;
}

/** A message the server deferred (4xx) is given up after this many attempts. */
const MAX_DEFERRALS = 20;
const backoffSeconds = (attempts: number) => Math.min(600, 5 * 2 ** Math.max(0, attempts - 1));

export class EmailSender {
  private readonly mailer: Mailer;
  private readonly outbox: EmailOutbox;
  private timer: NodeJS.Timeout | undefined;
  private offWake: (() => void) | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Null while the server works; what is wrong otherwise. */
  private problem: string | null = null;
  private lastProbe = 0;
  /** Nothing is sent before the first check of the server has answered. */
  private checked = false;

  constructor(
    private readonly database: Database,
    private readonly config: EmailConfig,
    private readonly options: EmailSenderOptions = {},
  ) {
    this.mailer = createMailer(config.smtpUrl);
    this.outbox = new EmailOutbox(database);
  }

  /** Starts at once; the first check of the server runs in the background. */
  start(): void {
    void this.probe().finally(() => {
      this.checked = true;
      this.wake();
    });
    this.offWake = onEmailSenderWake(() => this.wake());
    this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.offWake?.();
    await this.running;
    this.mailer.close();
  }

  wake(): void {
    if (this.stopped || !this.checked) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        if (this.problem && !(await this.probeWhenDue())) return;
        const rows = await this.outbox.leaseDue(20);
        const effective = await getEffectiveEmail(this.database);
        for (const row of rows) {
          if (this.stopped) break;
          await this.deliver(row, effective);
        }
        if (rows.length === 20) this.again = true;
      } catch (error) {
        logger().warn({ err: error }, 'email sender pass failed');
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** Checks a degraded server again, at most every `probeMs`; true once it answers. */
  private async probeWhenDue(): Promise<boolean> {
    if (Date.now() - this.lastProbe < (this.options.probeMs ?? 5000)) return false;
    return this.probe();
  }

  private async probe(): Promise<boolean> {
    this.lastProbe = Date.now();
    try {
      await this.mailer.verify();
      this.recovered();
      return true;
    } catch (error) {
      this.degrade(error);
      return false;
    }
  }

  private recovered(): void {
    const wasDown = this.problem !== null;
    this.problem = null;
    reportEmailState('ok');
    if (wasDown) {
      logger().info('SMTP server answers again: sending the email that waited');
      void this.outbox.releaseWaiting().then(
        () => this.wake(),
        (error) => logger().warn({ err: error }, 'could not release waiting email'),
      );
    }
  }

  private degrade(error: unknown): void {
    const problem = describeSmtpProblem(error);
    if (this.problem !== problem) logger().warn({ problem }, 'email is degraded');
    this.problem = problem;
    reportEmailState(problem, 'Check the SMTP server and its address in Admin → Email');
  }

  private async deliver(row: EmailOutboxRow, effective: EffectiveEmail): Promise<void> {
    if (this.problem) {
      await this.outbox.postpone(
        row.id,
        new Date(Date.now() + backoffSeconds(row.attempts) * 1000),
      );
      return;
    }
    const prepared = await prepareEmail(this.database, row, effective, this.config);
    if (prepared.action === 'skip') return this.outbox.finish(row, 'skipped', prepared);
    if (prepared.action === 'wait') return this.outbox.postpone(row.id, prepared.until);
    try {
      await this.mailer.sendMail(prepared.mail);
      if (this.problem === null) reportEmailState('ok');
      await this.outbox.finish(row, 'sent', {
        throughSeq: prepared.throughSeq,
        followUpSeconds: effective.timing.minIntervalSeconds,
      });
    } catch (error) {
      const problem = describeSmtpProblem(error);
      if (isPermanentRefusal(error) || (row.attempts >= MAX_DEFERRALS && !isServerDown(error))) {
        logger().warn({ emailId: row.id, problem }, 'email refused for good');
        await this.outbox.finish(row, 'dead', { error: problem });
        return;
      }
      if (isServerDown(error)) this.degrade(error);
      await this.outbox.retryLater(row.id, backoffSeconds(row.attempts), problem);
    }
  }
}

/** A 4xx for one message leaves the server healthy; anything else without a reply is down. */
function isServerDown(error: unknown): boolean {
  const responseCode = (error as { responseCode?: number } | null)?.responseCode;
  return !responseCode || responseCode === 421 || responseCode === 535 || responseCode === 454;
}
