// Email to visitors who left, end to end: the real server sends to a real SMTP receiver on a
// loopback port; replies come back through the inbound webhook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatLinkOf } from '../e2e/fake-smtp';
import type { Message } from '../lib/contracts';
import { api, CustomerClient, eventually } from './customer-client';
import {
  AWAY_SECONDS,
  type EmailStack,
  emailSettled,
  INBOUND_SECRET,
  outboxStatuses,
  replyAsAgent,
  startEmailStack,
} from './email';

let stack: EmailStack;
const url = () => stack.server.url;

beforeAll(async () => {
  stack = await startEmailStack();
}, 120_000);

afterAll(async () => {
  await stack?.dispose();
});

const emailsTo = (address: string, count = 1, timeoutMs = 30_000) =>
  eventually(
    () => stack.smtp.to(address).length >= count && stack.smtp.to(address),
    `${count} email(s) to ${address}`,
    timeoutMs,
  );

async function readiness() {
  return (await api<{ status: string; email: string }>(`${url()}/readyz`)).body;
}

async function until<T>(check: () => Promise<T | false>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('replies to a visitor who left', () => {
  it('go out once the widget is closed, as one email for a burst, with a link that reopens the conversation', async () => {
    const visitor = await CustomerClient.start(url(), {
      name: 'Maria',
      email: 'maria@example.com',
      page: { url: 'https://shop.example.com/boots?size=42' },
    });
    await visitor.connect();
    await visitor.send('Do the boots run small?');
    for (const text of ['Hi Maria!', 'They run half a size small.', 'Order 42½ to be safe.']) {
      await replyAsAgent(url(), visitor.conversationId, text);
    }
    await eventually(() => visitor.received.length >= 4, 'the replies in the widget');
    // The widget is open: the replies wait for the visitor to leave.
    visitor.close();
    const [mail] = await emailsTo('maria@example.com', 1, (AWAY_SECONDS + 20) * 1000);
    await emailSettled(visitor.conversationId);
    expect(stack.smtp.to('maria@example.com')).toHaveLength(1);

    expect(mail!.subject).toBe('New reply from Chat with us');
    expect(mail!.from).toBe('support@acme.test');
    for (const text of ['Hi Maria!', 'They run half a size small.', 'Order 42½ to be safe.']) {
      expect(mail!.text).toContain(text);
    }
    expect(mail!.replyTo).toMatch(/^support\+[0-9a-f]{44}@acme\.test$/);
    expect(mail!.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(String(mail!.header('list-unsubscribe'))).toContain('/api/v1/email/unsubscribe?token=');

    const link = chatLinkOf(mail!);
    expect(link).toMatch(/^https:\/\/shop\.example\.com\/boots\?size=42#parley-resume=/);
    const token = link!.split('#parley-resume=')[1];
    const resumed = await api<{ conversation: { id: string }; token: string }>(
      `${url()}/api/v1/email/resume`,
      { method: 'POST', body: { token } },
    );
    expect(resumed.status).toBe(200);
    expect(resumed.body.conversation.id).toBe(visitor.conversationId);
    const history = await api<{ messages: Message[] }>(
      `${url()}/api/v1/conversations/${visitor.conversationId}`,
      { token: resumed.body.token },
    );
    expect(history.body.messages.map((m) => m.text)).toContain('Order 42½ to be safe.');

    const forged = await api(`${url()}/api/v1/email/resume`, {
      method: 'POST',
      body: { token: `${token!.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
  });

  it('are not emailed when the visitor read them in the widget before leaving', async () => {
    const visitor = await CustomerClient.start(url(), { email: 'rey@example.com' });
    const socket = await visitor.connect();
    await replyAsAgent(url(), visitor.conversationId, 'Read this in the chat.');
    const [reply] = await eventually(
      () => visitor.received.filter((m) => m.author === 'agent').length > 0 && visitor.received,
      'the reply in the widget',
    );
    socket.emit('seen', { seq: reply!.seq });
    await until(async () => {
      const { body } = await api<{ conversation: { customerSeenSeq: number } }>(
        `${url()}/api/v1/admin/conversations/${visitor.conversationId}`,
        { token: 'test-service-token-0123456789' },
      );
      return body.conversation.customerSeenSeq >= reply!.seq;
    }, 'the seen mark');
    visitor.close();
    await emailSettled(visitor.conversationId, (AWAY_SECONDS + 20) * 1000);
    expect(stack.smtp.to('rey@example.com')).toHaveLength(0);
    expect(await outboxStatuses(visitor.conversationId)).toEqual(['replies:skipped']);
  });

  it('stop after one-click unsubscribe, and start again when the visitor leaves the address again', async () => {
    const visitor = await CustomerClient.start(url(), { email: 'lee@example.com' });
    await replyAsAgent(url(), visitor.conversationId, 'First answer');
    const [first] = await emailsTo('lee@example.com');
    const target = /<([^>]+)>/.exec(String(first!.header('list-unsubscribe')))![1]!;
    const unsubscribed = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);

    await replyAsAgent(url(), visitor.conversationId, 'Second answer');
    await emailSettled(visitor.conversationId);
    expect(stack.smtp.to('lee@example.com')).toHaveLength(1);
    expect(await outboxStatuses(visitor.conversationId)).toEqual([
      'replies:sent',
      'replies:skipped',
    ]);

    const again = await api(`${url()}/api/v1/conversations/${visitor.conversationId}`, {
      method: 'PATCH',
      token: visitor.token,
      body: { email: 'lee@example.com' },
    });
    expect(again.status).toBe(200);
    await replyAsAgent(url(), visitor.conversationId, 'Third answer');
    const [, latest] = await emailsTo('lee@example.com', 2);
    expect(latest!.text).toContain('Third answer');
  });

  it('wait while the SMTP server is down, degrading /readyz, and go out once it is back', async () => {
    const port = stack.smtp.port;
    await stack.smtp.stop();
    const visitor = await CustomerClient.start(url(), { email: 'sam@example.com' });
    await replyAsAgent(url(), visitor.conversationId, 'Sent while the mail server is down');
    const degraded = await until(async () => {
      const report = await readiness();
      return report.email !== 'ok' && report;
    }, 'email to be degraded');
    expect(degraded).toMatchObject({ status: 'degraded', email: 'SMTP server not answering' });
    expect(await outboxStatuses(visitor.conversationId)).toEqual(['replies:pending']);

    await stack.smtp.start(port);
    const [mail] = await emailsTo('sam@example.com', 1, 60_000);
    expect(mail!.text).toContain('Sent while the mail server is down');
    expect(await until(async () => (await readiness()).email === 'ok', 'email ok')).toBe(true);
    expect((await readiness()).status).toBe('ok');
  });
});

describe('replies by email', () => {
  it('become the customer’s messages, without the quoted history', async () => {
    const visitor = await CustomerClient.start(url(), { email: 'kim@example.com' });
    await replyAsAgent(url(), visitor.conversationId, 'Which colour would you like?');
    const [mail] = await emailsTo('kim@example.com');
    const raw = [
      'From: Kim <kim@example.com>',
      `To: ${mail!.replyTo}`,
      `Subject: Re: ${mail!.subject}`,
      'Message-ID: <reply-1@mail.example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The green one, please.',
      '',
      'On Thu, 3 Dec 2026 at 15:00, Acme support <support@acme.test> wrote:',
      ...mail!.text.split('\n').map((line) => `> ${line}`),
    ].join('\r\n');
    const post = (body: string, secret = INBOUND_SECRET) =>
      api<{ status: string; message?: Message }>(`${url()}/api/v1/email/inbound`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
        body,
      });

    const posted = await post(raw);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'posted', message: { author: 'customer' } });
    // A provider's retry of the same email is the same message.
    expect((await post(raw)).status).toBe(201);
    const history = await visitor.history();
    const fromCustomer = history.body.messages.filter((m) => m.author === 'customer');
    expect(fromCustomer.map((m) => m.text)).toEqual(['The green one, please.']);

    expect((await post(raw, 'wrong-secret-0123456789')).status).toBe(401);
    const forged = raw.replace(/\+([0-9a-f]{32})[0-9a-f]{12}@/, '+$1000000000000@');
    expect((await post(forged)).body).toMatchObject({ status: 'ignored' });

    const postmark = await api<{ status: string }>(`${url()}/api/v1/email/inbound`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INBOUND_SECRET}` },
      body: {
        From: 'kim@example.com',
        To: mail!.replyTo,
        TextBody: 'And size M.',
        MessageID: 'pm-1',
      },
    });
    expect(postmark.status).toBe(201);
  });
});

describe('the transcript', () => {
  it('is emailed on request once the conversation is closed', async () => {
    const visitor = await CustomerClient.start(url(), { name: 'Ola' });
    const sent = await api(`${url()}/api/v1/conversations/${visitor.conversationId}/messages`, {
      method: 'POST',
      token: visitor.token,
      body: { text: 'Where is my parcel?', clientId: 'transcript-1' },
    });
    expect(sent.status).toBe(201);
    await replyAsAgent(url(), visitor.conversationId, 'It arrives tomorrow.');
    const ask = () =>
      api(`${url()}/api/v1/conversations/${visitor.conversationId}/transcript`, {
        method: 'POST',
        token: visitor.token,
        body: { email: 'ola@example.com' },
      });
    expect((await ask()).status).toBe(409);

    const closed = await api(
      `${url()}/api/v1/admin/conversations/${visitor.conversationId}/close`,
      {
        method: 'POST',
        token: 'test-service-token-0123456789',
      },
    );
    expect(closed.status).toBe(200);
    const asked = await ask();
    expect(asked).toMatchObject({ status: 202, body: { email: 'ola@example.com' } });
    const [mail] = await emailsTo('ola@example.com');
    expect(mail!.subject).toBe('Your conversation with Chat with us');
    expect(mail!.text).toContain('Where is my parcel?');
    expect(mail!.text).toContain('It arrives tomorrow.');
    expect(mail!.text).toContain('This conversation has been closed.');

    const again = await ask();
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
