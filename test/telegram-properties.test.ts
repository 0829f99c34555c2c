// Property suite over Telegram updates: generated updates (valid ones from the support
// group's topics, and the same with fields missing, mistyped, out of range or hostile) go to
// the webhook route handler and to the polling entry. Whatever Telegram (or someone with the
// secret) sends, the webhook answers 200, so Telegram never delivers an update forever, and
// a polled update never throws while the database answers.
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as webhook } from '@/app/api/telegram/webhook/route';
import { FakeTelegram } from '@/e2e/fake-telegram/fake-telegram';
import { db } from '@/lib/db/client';
import { conversations } from '@/lib/db/schema';
import { setRunningTelegramConfig } from '@/lib/telegram/api';
import { processTelegramUpdate } from '@/lib/telegram/updates';
import { createConversation } from './factories';
import { hostileNumber, hostileString, hostileValue } from './property/hostile';

const SEED = 20_261_203;
const SUPPORT_CHAT = -1001234567890;
const SECRET = 'property-secret_0123';
const THREAD = 77;

let fake: FakeTelegram;

beforeAll(async () => {
  fake = new FakeTelegram();
  await fake.start();
  fake.addSupportGroup(SUPPORT_CHAT);
  setRunningTelegramConfig({
    botToken: fake.token,
    supportChatId: SUPPORT_CHAT,
    apiRoot: fake.url,
    mode: 'webhook',
    webhookSecret: SECRET,
    silent: true,
  });
  // A conversation with a topic, so that topic messages reach the services behind the edge.
  const { conversation } = await createConversation({ name: 'Tina' });
  await db()
    .update(conversations)
    .set({ telegramChatId: SUPPORT_CHAT, telegramThreadId: THREAD })
    .where(eq(conversations.id, conversation.id));
});

afterAll(async () => {
  setRunningTelegramConfig(null);
  await fake?.stop();
});

let nextUpdateId = 1;

const user = fc.record({
  id: fc.oneof(fc.constantFrom(5001, 5002), hostileNumber, hostileString),
  is_bot: fc.oneof(fc.boolean(), hostileValue),
  first_name: fc.oneof(fc.constantFrom('Ann', 'Bob'), hostileString),
  username: hostileString,
});

const chat = fc.record(
  {
    id: fc.oneof({ weight: 4, arbitrary: fc.constant(SUPPORT_CHAT) }, hostileNumber, hostileString),
    type: fc.oneof(fc.constantFrom('supergroup', 'private', 'group'), hostileString),
    title: hostileString,
    is_forum: fc.boolean(),
  },
  { requiredKeys: ['id', 'type'] },
);

const text = fc.oneof(
  fc.constantFrom(
    'Hello there',
    '/claim',
    '/close',
    '/note secret',
    '/whoami',
    '/link 123456',
    '/reopen',
    '/help',
  ),
  hostileString,
  hostileNumber,
);

const message = fc.record(
  {
    message_id: fc.oneof(fc.integer({ min: 1, max: 100_000 }), hostileNumber),
    message_thread_id: fc.oneof(
      { weight: 3, arbitrary: fc.constant(THREAD) },
      hostileNumber,
      hostileString,
    ),
    is_topic_message: fc.oneof(fc.constant(true), hostileValue),
    from: fc.oneof({ weight: 4, arbitrary: user }, hostileValue),
    chat: fc.oneof({ weight: 4, arbitrary: chat }, hostileValue),
    date: fc.oneof(fc.constant(1_796_000_000), hostileNumber),
    edit_date: hostileNumber,
    text,
    reply_to_message: fc.oneof(fc.record({ message_id: hostileNumber }), hostileValue),
  },
  { requiredKeys: ['message_id', 'chat', 'date'] },
);

const callbackQuery = fc.record(
  {
    id: fc.oneof(fc.uuid(), hostileString),
    from: fc.oneof(user, hostileValue),
    message: fc.oneof(
      fc.record({ message_id: fc.integer({ min: 1, max: 99 }), chat }),
      hostileValue,
    ),
    data: fc.oneof(
      fc.constantFrom('claim:x', 'close:00000000-0000-0000-0000-000000000000'),
      hostileString,
    ),
  },
  { requiredKeys: ['id', 'from'] },
);

const update = fc
  .oneof(
    { weight: 4, arbitrary: message.map((m) => ({ message: m })) },
    { weight: 1, arbitrary: message.map((m) => ({ edited_message: m })) },
    { weight: 2, arbitrary: callbackQuery.map((q) => ({ callback_query: q })) },
    { weight: 1, arbitrary: fc.record({ my_chat_member: hostileValue }) },
    { weight: 1, arbitrary: hostileValue },
  )
  .chain((body) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constant({ update_id: nextUpdateId, ...(body as object) }) },
      { weight: 1, arbitrary: hostileValue.map((id) => ({ update_id: id, ...(body as object) })) },
      { weight: 1, arbitrary: fc.constant(body) },
    ),
  );

describe('Telegram updates, generated', () => {
  it('are always acknowledged by the webhook with 200', async () => {
    const failures: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(update, async (generated) => {
          nextUpdateId += 1;
          const body = JSON.stringify(generated);
          const response = await webhook(
            new Request('http://localhost:3000/api/telegram/webhook', {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-telegram-bot-api-secret-token': SECRET,
              },
              body,
            }),
          );
          // Telegram's updates are far below the body limit; a larger body is refused with 413.
          if (response.status === 413 && Buffer.byteLength(body) > 64 * 1024) return true;
          if (response.status !== 200) {
            failures.push(
              `${response.status} ${await response.text()} for ${JSON.stringify(generated).slice(0, 300)}`,
            );
          }
          return response.status === 200;
        }),
        { seed: SEED, numRuns: 600, endOnFailure: true },
      )
      .catch(() => undefined);
    expect(failures).toEqual([]);
  });

  it('never throw on the polling path while the database answers', async () => {
    await fc.assert(
      fc.asyncProperty(update, async (generated) => {
        nextUpdateId += 1;
        const outcome = await processTelegramUpdate(generated);
        return ['processed', 'duplicate', 'invalid', 'failed'].includes(outcome);
      }),
      { seed: SEED + 1, numRuns: 400 },
    );
  });

  it('ignores a malformed update with a log line, and still takes the next valid one', async () => {
    for (const malformed of [
      { update_id: 9_000_001, message: { message_id: 1, date: 1 } },
      {
        update_id: 9_000_002,
        message: {
          message_id: 1,
          date: 1,
          chat: { id: SUPPORT_CHAT, type: 'supergroup' },
          text: 42,
        },
      },
      {
        update_id: 9_000_003,
        message: {
          message_id: 1,
          date: 1,
          chat: { id: SUPPORT_CHAT, type: 'supergroup' },
          from: { id: '5001', first_name: 'Ann' },
        },
      },
      {
        update_id: 9_000_004,
        message: {
          message_id: 1,
          date: 1,
          message_thread_id: 2 ** 40,
          chat: { id: SUPPORT_CHAT, type: 'supergroup' },
        },
      },
    ]) {
      expect(await processTelegramUpdate(malformed)).toBe('invalid');
    }
    const valid = {
      update_id: 9_000_010,
      message: {
        message_id: 5,
        date: 1_796_000_000,
        message_thread_id: THREAD,
        is_topic_message: true,
        chat: { id: SUPPORT_CHAT, type: 'supergroup' },
        from: { id: 5003, is_bot: false, first_name: 'Cora' },
        text: 'Hi Tina, Cora here',
      },
    };
    expect(await processTelegramUpdate(valid)).toBe('processed');
  });
});
