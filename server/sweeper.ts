// Runs the time-based rules (reminders, auto-close, retention, attachment clean-up) on an
// interval read from the settings at every tick; a settings change (a NOTIFY from any
// instance) starts a sweep at once, so a new interval or threshold takes effect without
// waiting out the old interval. Every instance may run one: the sweeps themselves make each
// effect happen once.

import { sweepAttachments } from '@/lib/attachments/sweep-attachments';
import { autoCloseIdleConversations } from '@/lib/automation/auto-close';
import { purgeClosedConversations } from '@/lib/automation/purge-closed';
import { sendDueReminders } from '@/lib/automation/send-reminders';
import { type DatabaseHandle, db } from '@/lib/db/client';
import { OutageBackoff } from '@/lib/db/outage';
import { logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';
import { getSettings } from '@/lib/settings/settings';
import { SETTINGS_CHANNEL } from '@/lib/settings/update-settings';

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly outage = new OutageBackoff('the sweeps');
  private unlisten: (() => Promise<void>) | undefined;

  async start(handle?: DatabaseHandle): Promise<void> {
    this.schedule(1000);
    this.unlisten = await handle?.listen(SETTINGS_CHANNEL, () => this.sweepSoon());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unlisten?.();
    await this.running;
  }

  /** Sweeps now unless a sweep is running (it reads the settings again when it ends). */
  private sweepSoon(): void {
    if (this.running || this.stopped) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  /** One pass over every rule; errors are logged and the next tick tries again. */
  async sweep(now = new Date()): Promise<void> {
    const rules = [
      ['reminders', () => sendDueReminders(now)],
      ['auto-close', () => autoCloseIdleConversations(now)],
      ['retention', () => purgeClosedConversations(now)],
      ['attachments', () => sweepAttachments(now)],
    ] as const;
    if (this.outage.resting()) return;
    for (const [name, run] of rules) {
      const timer = metrics().sweepDuration.startTimer({ sweep: name });
      try {
        const count = await run();
        timer();
        this.outage.succeeded();
        if (count > 0) logger().info({ sweep: name, count }, 'sweep done');
      } catch (error) {
        this.outage.failed(error, 'sweep failed', { sweep: name });
        if (this.outage.resting()) return;
      }
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      this.running = this.sweep();
      await this.running;
      this.running = null;
      const { sweepIntervalSeconds } = await getSettings(db(), 'automation').catch(() => ({
        sweepIntervalSeconds: 15,
      }));
      this.schedule(sweepIntervalSeconds * 1000);
    }, delayMs);
    this.timer.unref();
  }
}
