// The email stack for tests: a real SMTP receiver on a loopback port and the server sending
// to it, with short thresholds; helpers to reply as an agent and to wait for the email
// channel to have nothing left to do for a conversation.
import { sql } from 'drizzle-orm';
import { FakeSmtp } from '../e2e/fake-smtp';
import { db, rowsOf } from '../lib/db/client';
import { admin } from './customer-client';
import { type RunningServer, startServer, TEST_ADMIN } from './server';
import { fileDatabase } from './telegram';

export const INBOUND_SECRET = 'inbound-secret-0123456789';
export const MAIL_FROM = 'Acme support <support@acme.test>';
/** The away threshold of the tests: replies go out this long after the widget closed. */
export const AWAY_SECONDS = 4;

export interface EmailStack {
  smtp: FakeSmtp;
  server: RunningServer;
  dispose(): Promise<void>;
}

export async function startEmailStack(): Promise<EmailStack> {
  const smtp = new FakeSmtp();
  await smtp.start();
  const server = await startServer({
    database: fileDatabase(),
    env: { SMTP_URL: smtp.url, MAIL_FROM, EMAIL_INBOUND_SECRET: INBOUND_SECRET },
  });
  const timing = { awaySeconds: AWAY_SECONDS, batchSeconds: 0, minIntervalSeconds: 0 };
  const { status } = await admin(server.url, '/settings', { email: timing });
  if (status !== 200) throw new Error(`email settings refused with ${status}`);
  return {
    smtp,
    server,
    async dispose() {
      await server.dispose();
      await smtp.stop();
    },
  };
}

export async function replyAsAgent(base: string, conversationId: string, text: string) {
  const { status } = await admin(base, `/conversations/${conversationId}/messages`, {
    text,
    agentEmail: TEST_ADMIN.email,
  });
  if (status !== 201) throw new Error(`the reply was refused with ${status}`);
}

/** Rows of the email channel still to handle for this conversation (deliveries, outbox). */
async function emailWork(conversationId: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(
    await db().execute(sql`
      select (select count(*) from email_outbox
              where conversation_id = ${conversationId} and status = 'pending')
           + (select count(*) from deliveries d join events e on e.id = d.event_id
              where d.subscriber = 'email' and d.status = 'pending'
                and e.conversation_id = ${conversationId}) as n`),
  );
  return Number(row?.n ?? 0);
}

/** Waits until email has nothing left to do for the conversation: all sent or skipped. */
export async function emailSettled(conversationId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await emailWork(conversationId)) > 0) {
    if (Date.now() > deadline) throw new Error('email work was still pending');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How the outbox rows of a conversation ended, oldest first. */
export async function outboxStatuses(conversationId: string): Promise<string[]> {
  const rows = rowsOf<{ kind: string; status: string }>(
    await db().execute(sql`
      select kind, status from email_outbox where conversation_id = ${conversationId}
      order by id`),
  );
  return rows.map((row) => `${row.kind}:${row.status}`);
}
