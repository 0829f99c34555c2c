// Which email configuration is in effect: SMTP_URL and MAIL_FROM (with MAIL_REPLY_TO) when
// SMTP_URL is set, which win over the console; else what an admin saved; else none (email
// off). The inbound secret is read the same way on its own: EMAIL_INBOUND_SECRET first.
import type { EmailSettings } from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { env } from '../env';
import { getSettings } from '../settings/settings';

export interface EmailConfig {
  smtpUrl: string;
  /** The sender as written: `support@example.com` or `Acme <support@example.com>`. */
  from: string;
  /** The bare address replies are plus-addressed on. */
  replyTo: string;
}

export type EmailSource = 'env' | 'database' | 'off';

export interface EffectiveEmail {
  source: EmailSource;
  config: EmailConfig | null;
  /** When replies go out (the `email` setting; thresholds are never in the environment). */
  timing: Pick<EmailSettings, 'awaySeconds' | 'batchSeconds' | 'minIntervalSeconds'>;
  inboundSecret: string | null;
}

/** The address inside `Name <address>`, or the text itself. */
export function bareAddress(mailbox: string): string {
  return (/<([^<>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim();
}

export async function getEffectiveEmail(tx: Queryable = db()): Promise<EffectiveEmail> {
  const stored = await getSettings(tx, 'email');
  const { email } = env();
  const timing = {
    awaySeconds: stored.awaySeconds,
    batchSeconds: stored.batchSeconds,
    minIntervalSeconds: stored.minIntervalSeconds,
  };
  const inboundSecret = email.inboundSecret ?? stored.inboundSecret;
  const configOf = (smtpUrl: string, from: string, replyTo: string | null | undefined) => ({
    smtpUrl,
    from,
    replyTo: replyTo ?? bareAddress(from),
  });
  if (email.smtpUrl && email.from) {
    return {
      source: 'env',
      config: configOf(email.smtpUrl, email.from, email.replyTo),
      timing,
      inboundSecret,
    };
  }
  if (stored.smtpUrl && stored.from) {
    return {
      source: 'database',
      config: configOf(stored.smtpUrl, stored.from, stored.replyTo),
      timing,
      inboundSecret,
    };
  }
  return { source: 'off', config: null, timing, inboundSecret };
}
