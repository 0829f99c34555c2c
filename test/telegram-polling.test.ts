// Long polling (no TELEGRAM_WEBHOOK_SECRET): the same helpdesk over getUpdates, and the
// boot-time check that tells an operator what is wrong with the group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../e2e/fake-telegram/fake-telegram';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { startServer } from './server';
import {
  ann,
  botSays,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
  topicOf,
} from './telegram';

let stack: TelegramStack;

beforeAll(async () => {
  stack = await startTelegramStack({ mode: 'polling' });
});

afterAll(async () => {
  await stack?.dispose();
});

describe('Telegram helpdesk (long polling)', () => {
  it('polls getUpdates instead of setting a webhook', async () => {
    const ready = await api<{ telegram: string }>(`${stack.server.url}/readyz`);
    expect(ready.body.telegram).toBe('ok');
    expect(stack.fake.webhookUrl).toBeNull();
    expect(stack.fake.world.calls.some((c) => c.method === 'getUpdates')).toBe(true);
  });

  it('carries a conversation both ways and processes a repeated update once', async () => {
    const customer = await CustomerClient.start(stack.server.url, { name: 'Polly' });
    await customer.connect();
    await customer.send('Anyone there?');
    const { codename } = (await customer.history()).body.conversation;
    const topic = await topicOf(stack.fake, codename);
    await botSays(stack.fake, topic.thread_id, '👤 Polly:\nAnyone there?');

    const pushed = stack.fake.write(ann, SUPPORT_CHAT, topic.thread_id, 'Yes, Ann here');
    await eventually(() => customer.received.some((m) => m.text === 'Yes, Ann here'), 'the reply');
    await stack.fake.redeliver(pushed.update.update_id);
    await stack.fake.write(ann, SUPPORT_CHAT, topic.thread_id, 'And a second line').delivered;
    await eventually(
      () => customer.received.some((m) => m.text === 'And a second line'),
      'the next',
    );
    const { body } = await admin<{ messages: Array<{ text: string }> }>(
      stack.server.url,
      `/conversations/${customer.conversationId}`,
    );
    expect(body.messages.filter((m) => m.text === 'Yes, Ann here')).toHaveLength(1);
    customer.close();
  });
});

describe('the Telegram setup check', () => {
  it('reports a group without topics in /readyz and says how to fix it', async () => {
    const fake = new FakeTelegram();
    await fake.start();
    fake.addSupportGroup(SUPPORT_CHAT, { is_forum: false });
    const server = await startServer({
      env: {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_SUPPORT_CHAT_ID: String(SUPPORT_CHAT),
        TELEGRAM_API_ROOT: fake.url,
      },
    });
    try {
      const ready = await api<{ status: string; telegram: string }>(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'degraded',
        telegram: `support chat ${SUPPORT_CHAT} is not a forum supergroup`,
      });
      expect(server.logs()).toContain('Turn on Topics in the group settings');
    } finally {
      await server.dispose();
      await fake.stop();
    }
  });
});
