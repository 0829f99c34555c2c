// Bulk delete from the admin console removes the conversations' Telegram topics too, through
// the same Telegram outbox retention uses: the real server, the fake Bot API in webhook mode.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../lib/db/client';
import { conversations, messages } from '../lib/db/schema';
import { admin, eventually } from './customer-client';
import {
  customerWithTopic,
  fileDatabase,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
} from './telegram';

let stack: TelegramStack;

beforeAll(async () => {
  stack = await startTelegramStack({ mode: 'webhook', database: fileDatabase() });
});

afterAll(async () => {
  await stack?.dispose();
});

const withTopic = (name: string, first?: string) => customerWithTopic(stack, name, first);

const topic = (thread: number) =>
  stack.fake.topics(SUPPORT_CHAT).find((t) => t.thread_id === thread);

describe('bulk delete with Telegram', () => {
  it('deletes the selected conversations and their topics, and leaves the others alone', async () => {
    const first = await withTopic('Olga');
    const second = await withTopic('Piet');
    const kept = await withTopic('Quinn');
    const ids = [first.customer.conversationId, second.customer.conversationId];

    const { status, body } = await admin(stack.server.url, '/conversations/bulk-delete', { ids });
    expect({ status, body }).toEqual({ status: 200, body: { deleted: 2 } });

    await eventually(
      () => topic(first.thread)?.deleted && topic(second.thread)?.deleted,
      'both topics deleted',
      30_000,
    );
    expect(topic(kept.thread)?.deleted).toBeFalsy();
    expect(await db().select().from(conversations).where(inArray(conversations.id, ids))).toEqual(
      [],
    );
    expect(await db().select().from(messages).where(inArray(messages.conversationId, ids))).toEqual(
      [],
    );
    const [left] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, kept.customer.conversationId));
    expect(left?.telegramThreadId).toBe(kept.thread);
    for (const { customer } of [first, second, kept]) customer.close();
  });

  it('deletes by filter (closed, last active before a date) with their topics', async () => {
    const { customer, thread } = await withTopic('Rita');
    await admin(stack.server.url, `/conversations/${customer.conversationId}/close`, {});
    await db()
      .update(conversations)
      .set({ lastActivityAt: new Date('2020-06-01T00:00:00Z') })
      .where(eq(conversations.id, customer.conversationId));

    const { body } = await admin(stack.server.url, '/conversations/bulk-delete', {
      status: 'closed',
      before: '2021-01-01',
    });
    expect(body).toEqual({ deleted: 1 });
    await eventually(() => topic(thread)?.deleted, 'the topic deleted', 30_000);
    customer.close();
  });
});
