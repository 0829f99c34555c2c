// Runs the time-based rules (reminders, auto-close, retention, attachment clean-up) on an interval read from the
// settings at every tick, so a change takes effect without a restart. Every instance may run
// one: the sweeps themselves make each effect happen once.

import { sweepAttachments } from '@/lib/attachments/sweep-attachments';
import { autoCloseIdleConversations } from '@/lib/automation/auto-close';
import { purgeClosedConversations } from '@/lib/automation/purge-closed';
import { sendDueReminders } from '@/lib/automation/send-reminders';
import { db } from '@/lib/db/client';
import { logger } from '@/lib/log';
import { getSettings } from '@/lib/settings/settings';

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  start(): void {
    this.schedule(1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every rule; errors are logged and the next tick tries again. */
  async sweep(now = new Date()): Promise<void> {
    const rules = [
      ['reminders', () => sendDueReminders(now)],
      ['auto-close', () => autoCloseIdleConversations(now)],
      ['retention', () => purgeClosedConversations(now)],
      ['attachments', () => sweepAttachments(now)],
    ] as const;
    for (const [name, run] of rules) {
      try {
        const count = await run();
        if (count > 0) logger().info({ sweep: name, count }, 'sweep done');
      } catch (error) {
        logger().error({ err: error, sweep: name }, 'sweep failed');
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
