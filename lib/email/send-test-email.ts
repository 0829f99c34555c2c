// The console's "send a test email": straight to the SMTP server in effect (not through the
// outbox), so the admin learns at once whether the server, the credentials and the sender
// work, and why not.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import { getEffectiveEmail } from './config';
import { createMailer, describeSmtpProblem } from './transport';

export async function sendTestEmail(to: string, actor: Actor): Promise<{ to: string }> {
  const { config } = await getEffectiveEmail();
  if (!config) throw new AppError('conflict', 'Set the SMTP server and the sender first');
  const mailer = createMailer(config.smtpUrl);
  try {
    await mailer.sendMail({
      from: config.from,
      to,
      subject: 'Parley test email',
      text: 'This is a test email from Parley. Replies to visitors who left the chat will come from this address.',
    });
  } catch (error) {
    throw new AppError('unavailable', describeSmtpProblem(error), 30);
  } finally {
    mailer.close();
  }
  await writeAudit(db(), actor, 'email.test_sent', null, {});
  return { to };
}
