// What the console's Email screen shows: the state the sender reports, where the
// configuration comes from, whether replies come back, and what waits in the outbox.
import type { EmailStatus } from '../contracts/settings';
import { db } from '../db/client';
import { env } from '../env';
import { emailHealth } from '../health';
import { getEffectiveEmail } from './config';
import { countOutbox } from './outbox';

export async function getEmailStatus(): Promise<EmailStatus> {
  const database = db();
  const [effective, counts] = await Promise.all([
    getEffectiveEmail(database),
    countOutbox(database),
  ]);
  const health = emailHealth();
  return {
    state: effective.config ? health.state : 'off',
    fix: health.fix ?? null,
    source: effective.source,
    from: effective.config?.from ?? null,
    inbound: Boolean(effective.inboundSecret),
    inboundUrl: `${env().publicUrl}/api/v1/email/inbound`,
    ...counts,
  };
}
