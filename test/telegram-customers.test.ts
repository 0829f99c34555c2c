// Customers who write to the bot in a private chat, driven through the fake Bot API: the
// real server in webhook mode, the customer in their chat with the bot, agents in the
// group's topics and in the inbox (the admin API).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser } from '../e2e/fake-telegram/fake-telegram';
import { db, rowsOf } from '../lib/db/client';
import {
  conversations,
  messages,
  type TelegramReplyMarkup,
  telegramCustomerChats,
  telegramOutbox,
} from '../lib/db/schema';
import {
  BLOCKED_TEXT,
  CHOOSE_TEXT,
  continuedText,
  OPEN_CONVERSATION_TEXT,
  WRITE_TEXT,
} from '../lib/telegram/customer-chat';
import { admin, api, eventually } from './customer-client';
import { createDepartment } from './factories';
import { TEST_ADMIN } from './server';
import {
  ann,
  botSays,
  customerWithTopic,
  delivered,
  fileDatabase,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
  topicOf,
} from './telegram';

let stack: TelegramStack;
let sales: { id: string; name: string };
let billing: { id: string; name: string };

beforeAll(async () => {
  stack = await startTelegramStack({ mode: 'webhook', database: fileDatabase() });
  sales = await createDepartment({ name: 'Sales', sortOrder: 1 });
  billing = await createDepartment({ name: 'Billing desk', sortOrder: 2 });
});

afterAll(async () => {
  await stack?.dispose();
});

interface Listed {
  id: string;
  codename: string;
  status: string;
  channel: string;
  name: string | null;
  departmentId: string | null;
  visitorId: string | null;
}

interface Details {
  conversation: Listed;
  messages: Array<{ id: string; author: string; text: string; agentName?: string }>;
}

const url = () => stack.server.url;
const details = async (id: string) => (await admin<Details>(url(), `/conversations/${id}`)).body;

/** The conversations of a customer's private chat, oldest first. */
const conversationsOf = (user: FakeUser) =>
  db()
    .select()
    .from(conversations)
    .where(eq(conversations.customerTelegramChatId, user.id))
    .orderBy(conversations.createdAt);

/** Waits for a bot message in the customer's chat whose text matches. */
const botTells = (user: FakeUser, pattern: string | RegExp) =>
  eventually(
    () =>
      stack.fake
        .privateMessages(user)
        .find((m) => (typeof pattern === 'string' ? m.text === pattern : pattern.test(m.text))),
    `"${pattern}" in the chat of ${user.first_name}`,
  );

const writes = (user: FakeUser, text: string) => delivered(stack.fake.writePrivately(user, text));

/** The outbox rows for the customer's chat: every answer the bot will ever send there. */
const outboxFor = (user: FakeUser) =>
  db()
    .select({ text: telegramOutbox.text, status: telegramOutbox.status })
    .from(telegramOutbox)
    .where(and(eq(telegramOutbox.chatId, user.id), eq(telegramOutbox.kind, 'customer_post')))
    .orderBy(telegramOutbox.id);

/** A customer who has written once: their conversation and its topic. */
async function customerWithConversation(user: FakeUser, first: string) {
  await writes(user, first);
  const [conversation] = await conversationsOf(user);
  const topic = await topicOf(stack.fake, conversation!.codename);
  await botSays(stack.fake, topic.thread_id, first);
  return { conversation: conversation!, thread: topic.thread_id };
}

describe('Telegram as a customer channel', () => {
  it('takes a customer from /start and a department button to a conversation agents answer from the topic and the inbox', async () => {
    const carla: FakeUser = { id: 7001, first_name: 'Carla', last_name: 'Customer' };
    await writes(carla, '/start');
    const menu = await botTells(carla, new RegExp(CHOOSE_TEXT.replace(/[.?]/g, '\\$&')));
    expect(menu.text).toBe(`Hi! How can we help you today?\n\n${CHOOSE_TEXT}`);
    const buttons = (menu.reply_markup as TelegramReplyMarkup).inline_keyboard.flat();
    expect(buttons).toEqual([
      { text: 'Sales', callback_data: `department:${sales.id}` },
      { text: 'Billing desk', callback_data: `department:${billing.id}` },
    ]);
    // /start alone starts nothing.
    expect(await conversationsOf(carla)).toEqual([]);

    const pressed = stack.fake.press(carla, carla.id, menu.message_id, buttons[1]!.callback_data);
    await delivered(pressed);
    expect(stack.fake.world.callbackAnswers.find((a) => a.id === pressed.id)).toMatchObject({
      text: 'Billing desk',
    });
    await botTells(carla, `Billing desk: ${WRITE_TEXT}`);
    expect(await conversationsOf(carla)).toEqual([]);

    await writes(carla, 'Hi, I was charged twice');
    const [started] = await conversationsOf(carla);
    const listed = await admin<{ conversations: Listed[] }>(url(), '/conversations?status=all');
    expect(listed.body.conversations.find((c) => c.id === started!.id)).toMatchObject({
      status: 'open_unclaimed',
      channel: 'telegram',
      name: 'Carla Customer',
      departmentId: billing.id,
      visitorId: 'telegram:7001',
    });
    const topic = await topicOf(stack.fake, started!.codename);
    expect(topic.name).toBe(`Carla Customer — ${started!.codename}`);
    await botSays(stack.fake, topic.thread_id, '👤 Carla Customer:\nHi, I was charged twice');
    const [header] = stack.fake.botMessages(SUPPORT_CHAT, topic.thread_id);
    expect(header!.text).toContain('Department: Billing desk');
    expect(header!.text).toContain('Channel: Telegram');
    // What the widget would show reaches the chat: here, that an agent is on the way.
    await botTells(carla, 'Thanks! An agent will be with you shortly.');

    // A reply in the topic reaches the customer, who is notified (never silent).
    const annWrites = stack.fake.write(ann, SUPPORT_CHAT, topic.thread_id, 'Ann here, checking');
    await delivered(annWrites);
    const fromTopic = await botTells(carla, 'Ann Agent: Ann here, checking');
    expect(fromTopic.disable_notification).toBe(false);
    // Her edit in the topic is told in the chat, below the copy it keeps.
    const annMessageId = (annWrites.update as { message?: { message_id: number } }).message!
      .message_id;
    await delivered(
      stack.fake.edit(ann, SUPPORT_CHAT, annMessageId, 'Ann here, checking the charges'),
    );
    await botTells(carla, '✏️ Ann Agent: Ann here, checking the charges');

    // An admin takes it over in the inbox and answers from there.
    const claimed = await admin(url(), `/conversations/${started!.id}/claim`, {
      agentEmail: TEST_ADMIN.email,
    });
    expect(claimed.status).toBe(200);
    const posted = await admin(url(), `/conversations/${started!.id}/messages`, {
      text: 'Refunded, sorry!',
      agentEmail: TEST_ADMIN.email,
    });
    expect(posted.status).toBe(201);
    const agentName = (await details(started!.id)).messages.find(
      (m) => m.text === 'Refunded, sorry!',
    )!.agentName;
    const refunded = await botTells(carla, `${agentName}: Refunded, sorry!`);

    // A Telegram reply in the chat quotes the message it answers, and an agent's quote
    // arrives there as a Telegram reply.
    const quoting = stack.fake.writePrivately(carla, 'Both charges?', {
      replyTo: refunded.message_id,
    });
    await delivered(quoting);
    const [quoted] = await db()
      .select({ id: messages.id, replyToId: messages.replyToId })
      .from(messages)
      .where(and(eq(messages.conversationId, started!.id), eq(messages.text, 'Both charges?')));
    const refundedId = (await details(started!.id)).messages.find(
      (m) => m.text === 'Refunded, sorry!',
    )!.id;
    expect(quoted?.replyToId).toBe(refundedId);
    const answer = await admin(url(), `/conversations/${started!.id}/messages`, {
      text: 'Yes, both',
      agentEmail: TEST_ADMIN.email,
      replyToId: quoted!.id,
    });
    expect(answer.status).toBe(201);
    const answered = await botTells(carla, `${agentName}: Yes, both`);
    const carlaLine = (quoting.update as { message?: { message_id: number } }).message!.message_id;
    expect(answered.reply_to_message_id).toBe(carlaLine);

    // The customer's next message lands in the same conversation and topic.
    await writes(carla, 'Thanks a lot');
    await botSays(stack.fake, topic.thread_id, 'Thanks a lot');
    expect(await conversationsOf(carla)).toHaveLength(1);
    expect(
      (await details(started!.id)).messages.filter((m) => m.author === 'customer'),
    ).toMatchObject([
      { text: 'Hi, I was charged twice' },
      { text: 'Both charges?' },
      { text: 'Thanks a lot' },
    ]);
    expect((await details(started!.id)).conversation.status).toBe('open_assigned');

    // /start in an open conversation offers nothing new.
    await writes(carla, '/start');
    await botTells(carla, OPEN_CONVERSATION_TEXT);

    // Closed from the inbox: the closing message reaches the chat; writing again reopens
    // the same conversation, as in the widget.
    expect((await admin(url(), `/conversations/${started!.id}/close`, {})).status).toBe(200);
    await botTells(carla, 'This conversation has been closed. Thanks for reaching out!');
    await writes(carla, 'One more thing');
    await botTells(carla, 'The conversation was reopened.');
    await botSays(stack.fake, topic.thread_id, 'One more thing');
    expect(await conversationsOf(carla)).toHaveLength(1);
    expect((await details(started!.id)).conversation.status).toBe('open_unclaimed');

    // Closed again, /start and a department start a new conversation there.
    expect((await admin(url(), `/conversations/${started!.id}/close`, {})).status).toBe(200);
    await writes(carla, '/start sales');
    await botTells(carla, `Hi! How can we help you today?\n\nSales: ${WRITE_TEXT}`);
    await writes(carla, 'Now about a new order');
    const both = await conversationsOf(carla);
    expect(both).toHaveLength(2);
    expect(both[1]).toMatchObject({ departmentId: sales.id, channel: 'telegram' });
    await botSays(
      stack.fake,
      (await topicOf(stack.fake, both[1]!.codename)).thread_id,
      'Now about a new order',
    );
  });

  it('creates nothing for /start alone, stickers and service messages', async () => {
    const dan: FakeUser = { id: 7002, first_name: 'Dan' };
    const topicsBefore = stack.fake.world.calls.filter((c) => c.method === 'createForumTopic');
    await writes(dan, '/start');
    await delivered(
      stack.fake.sendPrivately(dan, {
        sticker: {
          file_id: 'sticker-1',
          file_unique_id: 'sticker-u1',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      }),
    );
    await delivered(
      stack.fake.sendPrivately(dan, {
        pinned_message: { message_id: 1, chat: { id: dan.id, type: 'private' }, date: 1 },
      }),
    );
    await writes(dan, '/whatever');
    await writes(dan, '   ');

    // The webhook answers once an update is handled: everything the bot will do is decided.
    expect(await conversationsOf(dan)).toEqual([]);
    expect(
      await db()
        .select()
        .from(telegramCustomerChats)
        .where(eq(telegramCustomerChats.chatId, dan.id)),
    ).toEqual([]);
    expect((await outboxFor(dan)).map((row) => row.text)).toEqual([
      `Hi! How can we help you today?\n\n${CHOOSE_TEXT}`,
    ]);
    await botTells(dan, new RegExp(CHOOSE_TEXT.replace(/[.?]/g, '\\$&')));
    expect(stack.fake.world.calls.filter((c) => c.method === 'createForumTopic')).toEqual(
      topicsBefore,
    );
  });

  it('lets a blocked customer create nothing, telling them once what the widget would', async () => {
    const eve: FakeUser = { id: 7003, first_name: 'Eve' };
    const { conversation, thread } = await customerWithConversation(eve, 'Buy cheap pills');
    expect((await admin(url(), `/conversations/${conversation.id}/block`, {})).status).toBe(200);
    await botSays(stack.fake, thread, '⛔ Blocked');

    await writes(eve, 'Buy more pills');
    await writes(eve, 'And more');
    await writes(eve, '/start');
    const written = await db()
      .select({ text: messages.text })
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.author, 'customer')));
    expect(written).toEqual([{ text: 'Buy cheap pills' }]);
    expect(await conversationsOf(eve)).toHaveLength(1);
    const notices = (await outboxFor(eve)).filter((row) => row.text === BLOCKED_TEXT);
    expect(notices).toHaveLength(1);
    await botTells(eve, BLOCKED_TEXT);
    expect(stack.fake.botMessages(SUPPORT_CHAT, thread).some((m) => m.text.includes('more'))).toBe(
      false,
    );

    // A visitor block covers a Telegram user who never wrote before.
    const frank: FakeUser = { id: 7004, first_name: 'Frank' };
    const block = await admin(url(), '/blocks', { visitorId: 'telegram:7004' });
    expect(block.status).toBe(201);
    await writes(frank, 'Hello?');
    await writes(frank, 'Hello??');
    expect(await conversationsOf(frank)).toEqual([]);
    expect((await outboxFor(frank)).map((row) => row.text)).toEqual([BLOCKED_TEXT]);
  });

  it('paces a burst of replies to one customer about a second apart, in order', async () => {
    const gina: FakeUser = { id: 7005, first_name: 'Gina' };
    const { conversation } = await customerWithConversation(gina, 'Are you there?');
    await botTells(gina, 'Thanks! An agent will be with you shortly.');
    const before = stack.fake.privateMessages(gina).length;
    const replies = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const text of replies) {
      const posted = await admin(url(), `/conversations/${conversation.id}/messages`, {
        text,
        agentEmail: TEST_ADMIN.email,
      });
      expect(posted.status).toBe(201);
    }
    const delivered = await eventually(() => {
      const sent = stack.fake.privateMessages(gina).slice(before);
      return sent.length === replies.length && sent;
    }, 'every reply in the chat');
    expect(delivered.map((m) => m.text.split(': ').at(-1))).toEqual(replies);

    // Every call into the chat took a slot of its own pace, shared through the database.
    const rows = rowsOf<{ at: number | string }>(
      await db().execute(sql`
        select extract(epoch from sent) * 1000 as at
        from telegram_chats, unnest(recent_sends) as sent where chat_id = ${gina.id}`),
    );
    const slots = rows.map((row) => Number(row.at));
    expect(slots.length).toBeGreaterThanOrEqual(replies.length + 1);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(999);
    }
    // And the fake saw the calls into the chat in the order of those slots.
    const calls = stack.fake.world.calls.filter(
      (c) => c.chatId === gina.id && c.method === 'sendMessage',
    );
    expect(calls).toHaveLength(slots.length);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]!.at).toBeGreaterThanOrEqual(calls[i - 1]!.at);
    }
  });

  it('stops sending to a customer who blocked the bot, without degrading Telegram', async () => {
    const hugo: FakeUser = { id: 7006, first_name: 'Hugo' };
    const { conversation } = await customerWithConversation(hugo, 'Quick question');
    await botTells(hugo, 'Thanks! An agent will be with you shortly.');
    stack.fake.privateChat(hugo).botBlocked = true;
    await admin(url(), `/conversations/${conversation.id}/messages`, {
      text: 'Here is the answer',
      agentEmail: TEST_ADMIN.email,
    });
    await eventually(
      async () =>
        (await outboxFor(hugo)).find((r) => r.text?.endsWith('Here is the answer'))?.status ===
        'dead',
      'the reply given up',
    );
    const ready = await fetch(`${url()}/readyz`).then((r) => r.json());
    expect(ready).toMatchObject({ status: 'ok', telegram: 'ok' });
  });

  it('continues a widget conversation in Telegram with a one-time link, replies reaching both', async () => {
    const { customer, codename, thread } = await customerWithTopic(stack, 'Iris');
    const link = await api<{ url: string; expiresAt: string }>(
      `${url()}/api/v1/conversations/${customer.conversationId}/telegram-link`,
      { method: 'POST', token: customer.token },
    );
    expect(link.status).toBe(201);
    const match = /^https:\/\/t\.me\/parley_test_bot\?start=(c_[A-Za-z0-9_-]{24})$/.exec(
      link.body.url,
    );
    expect(match).not.toBeNull();

    // Telegram opens the chat with `/start <code>`.
    const iris: FakeUser = { id: 7007, first_name: 'Iris', username: 'iris' };
    await writes(iris, `/start ${match![1]}`);
    await botTells(iris, continuedText(codename));

    await delivered(stack.fake.write(ann, SUPPORT_CHAT, thread, 'Answer for both'));
    await botTells(iris, 'Ann Agent: Answer for both');
    await eventually(
      () => customer.received.some((m) => m.text === 'Answer for both'),
      'the reply in the widget',
    );
    await writes(iris, 'Writing from my phone now');
    await botSays(stack.fake, thread, 'Writing from my phone now');
    await eventually(
      () => customer.received.some((m) => m.text === 'Writing from my phone now'),
      'the Telegram line in the widget',
    );
    const [conversation] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, customer.conversationId));
    expect(conversation).toMatchObject({ channel: 'widget', customerTelegramChatId: iris.id });
    expect(await conversationsOf(iris)).toHaveLength(1);

    // The code worked once.
    const jon: FakeUser = { id: 7008, first_name: 'Jon' };
    await writes(jon, `/start ${match![1]}`);
    await botTells(jon, 'This link has expired: open a new one in the chat.');
    expect(await conversationsOf(jon)).toEqual([]);
    customer.close();
  });
});
