// Keeps the presence marks of the widgets connected to this instance fresh while email is
// on, so the email sender knows a visitor is still on the page (lib/email/presence.ts).
import { db } from '@/lib/db/client';
import { getEffectiveEmail } from '@/lib/email/config';
import { markCustomersPresent, presenceRefreshSeconds } from '@/lib/email/presence';
import { isEmailActive } from '@/lib/events/subscribers';
import { logger } from '@/lib/log';
import type { CustomerNamespace } from './customer-namespace';

export class CustomerPresence {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly customers: CustomerNamespace) {}

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async tick(): Promise<void> {
    let seconds = 20;
    try {
      if (isEmailActive()) {
        seconds = presenceRefreshSeconds((await getEffectiveEmail()).timing.awaySeconds);
        const ids = new Set<string>();
        for (const socket of this.customers.sockets.values()) ids.add(socket.data.conversationId);
        await markCustomersPresent(db(), [...ids]);
      }
    } catch (error) {
      logger().warn({ err: error }, 'could not refresh widget presence');
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }
}
