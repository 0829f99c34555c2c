// Quotes, edits and deletions between the widget, the inbox and a Telegram topic, through
// the fake Bot API: a customer's quote is a Telegram reply, an agent's Telegram reply is a
// quote, inbox edits and deletions change the topic's copy, and an agent's edit in the
// topic changes the customer's copy within the edit window.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../lib/contracts';
import { MESSAGE_EDIT_WINDOW_SECONDS } from '../lib/contracts/message-content';
import { db } from '../lib/db/client';
import { messages, telegramOutbox } from '../lib/db/schema';
import { DELETED_LINE } from '../lib/telegram/message-copies';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { TEST_ADMIN, TEST_SERVICE_TOKEN } from './server';
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

beforeAll(async () => {
  stack = await startTelegramStack({
    mode: 'webhook',
    database: fileDatabase(),
  });
});

afterAll(async () => {
  await stack?.dispose();
});

const withTopic = (name: string, first?: string) => customerWithTopic(stack, name, first);

const inbox = (customer: CustomerClient, text: string, replyToId?: string) =>
  admin<{ message: Message }>(
    stack.server.url,
    `/conversations/${customer.conversationId}/messages`,
    {
      text,
      agentEmail: TEST_ADMIN.email,
      ...(replyToId ? { replyToId } : {}),
    },
  );

const change = (customer: CustomerClient, method: 'PATCH' | 'DELETE', id: string, body?: unknown) =>
  api<{ message: Message }>(
    `${stack.server.url}/api/v1/admin/conversations/${customer.conversationId}/messages/${id}`,
    { method, token: TEST_SERVICE_TOKEN, body },
  );

const currentMessage = async (customer: CustomerClient, id: string) =>
  (await customer.history()).body.messages.find((m) => m.id === id);

describe('replies between the widget and the topic', () => {
  it("posts a customer's quote as a Telegram reply to the quoted message's copy", async () => {
    const { customer, thread, first, copy } = await withTopic('Quinn');
    const { body } = await inbox(customer, 'Which size do you need?');
    const answerCopy = await botSays(stack.fake, thread, 'Which size do you need?');

    await customer.send('Medium, please', undefined, undefined, body.message.id);
    const quoting = await botSays(stack.fake, thread, 'Medium, please');
    expect(quoting.reply_to_message_id).toBe(answerCopy.message_id);
    expect(quoting.text).toBe('👤 Quinn:\nMedium, please');

    await customer.send('And it must be blue', undefined, undefined, first.id);
    const second = await botSays(stack.fake, thread, 'And it must be blue');
    expect(second.reply_to_message_id).toBe(copy.message_id);
    customer.close();
  });

  it("turns an agent's Telegram reply to a customer message into a quote, and a plain message into none", async () => {
    const { customer, thread, first, copy } = await withTopic('Rita');
    await delivered(
      stack.fake.write(ann, SUPPORT_CHAT, thread, 'Hi Rita, about that:', {
        replyTo: copy.message_id,
      }),
    );
    const quoted = await eventually(
      () => customer.received.find((m) => m.text === 'Hi Rita, about that:'),
      'the quoted reply',
    );
    expect(quoted.replyTo).toEqual({
      id: first.id,
      seq: first.seq,
      author: 'customer',
      text: 'Hello from Rita',
    });
    // In a topic every message answers the topic's opening message: that is not a quote.
    await delivered(stack.fake.write(ann, SUPPORT_CHAT, thread, 'Anything else?'));
    const plain = await eventually(
      () => customer.received.find((m) => m.text === 'Anything else?'),
      'the plain reply',
    );
    expect(plain.replyTo).toBeUndefined();
    customer.close();
  });
});

describe('edits and deletions between the inbox and the topic', () => {
  it("edits and deletes the topic's copy of an inbox reply", async () => {
    const { customer, thread } = await withTopic('Sam');
    const { body } = await inbox(customer, 'Your code is 1234');
    const copy = await botSays(stack.fake, thread, 'Your code is 1234');

    const edited = await change(customer, 'PATCH', body.message.id, {
      text: 'Your code is 4321',
      agentEmail: TEST_ADMIN.email,
    });
    expect(edited.status).toBe(200);
    await eventually(() => copy.text === 'ann (inbox): Your code is 4321', 'the edited copy');
    expect(copy.edits).toEqual(['ann (inbox): Your code is 1234']);

    expect((await change(customer, 'DELETE', body.message.id)).status).toBe(200);
    await eventually(
      () => stack.fake.world.deleted.some((m) => m.message_id === copy.message_id),
      'the deleted copy',
    );
    expect(stack.fake.botMessages(SUPPORT_CHAT, thread).map((m) => m.message_id)).not.toContain(
      copy.message_id,
    );
    customer.close();
  });

  it("edits the customer's copy when the agent edits in the topic, within the window only", async () => {
    const { customer, thread } = await withTopic('Tess');
    const written = stack.fake.write(ann, SUPPORT_CHAT, thread, 'It ships tomorow');
    await delivered(written);
    const reply = await eventually(
      () => customer.received.find((m) => m.text === 'It ships tomorow'),
      'the reply',
    );
    const telegramId = (written.update as { message?: { message_id: number } }).message!.message_id;

    await delivered(stack.fake.edit(ann, SUPPORT_CHAT, telegramId, 'It ships tomorrow'));
    const pushed = await eventually(
      () => customer.updated.find((m) => m.id === reply.id),
      'the edit on the customer socket',
    );
    expect(pushed).toMatchObject({ seq: reply.seq, text: 'It ships tomorrow' });
    expect(pushed.editedAt).toBeDefined();
    // No correction and no echo: the topic already shows the edit.
    expect(
      (await customer.history()).body.messages.filter((m) => m.author === 'agent'),
    ).toHaveLength(1);

    await db()
      .update(messages)
      .set({ createdAt: new Date(Date.now() - (MESSAGE_EDIT_WINDOW_SECONDS + 60) * 1000) })
      .where(eq(messages.id, reply.id));
    await delivered(stack.fake.edit(ann, SUPPORT_CHAT, telegramId, 'It ships on Friday'));
    await botSays(stack.fake, thread, 'the customer still sees the earlier text');
    expect(await currentMessage(customer, reply.id)).toMatchObject({ text: 'It ships tomorrow' });
    customer.close();
  });

  it('deletes what an agent wrote in the topic, or says so when the bot may not', async () => {
    const { customer, thread } = await withTopic('Uma');
    const written = stack.fake.write(ann, SUPPORT_CHAT, thread, 'Call me at 555-0100');
    await delivered(written);
    const reply = await eventually(
      () => customer.received.find((m) => m.text === 'Call me at 555-0100'),
      'the reply',
    );
    expect((await change(customer, 'DELETE', reply.id)).status).toBe(200);
    const telegramId = (written.update as { message?: { message_id: number } }).message!.message_id;
    await eventually(
      () => stack.fake.world.deleted.some((m) => m.message_id === telegramId),
      'the agent message deleted',
    );

    stack.fake.changeGroup(SUPPORT_CHAT, { botCanDeleteMessages: false });
    try {
      await delivered(stack.fake.write(ann, SUPPORT_CHAT, thread, 'Or at 555-0199'));
      const second = await eventually(
        () => customer.received.find((m) => m.text === 'Or at 555-0199'),
        'the second reply',
      );
      expect((await change(customer, 'DELETE', second.id)).status).toBe(200);
      const note = await botSays(stack.fake, thread, 'Deleted in Parley');
      expect(note.reply_to_message_id).toBeDefined();
    } finally {
      stack.fake.changeGroup(SUPPORT_CHAT, { botCanDeleteMessages: true });
    }
    customer.close();
  });

  it('takes one deleted customer message out of a coalesced post, keeping the others', async () => {
    const customer = await CustomerClient.start(stack.server.url, { name: 'Vic' });
    await customer.connect();
    // Telegram is slow to create the topic: the three lines pile up behind it, one post.
    stack.fake.hold();
    const sent: Message[] = [];
    for (const text of ['My card is 4111 1111', 'Oops, ignore that', 'Order 77 please']) {
      sent.push((await customer.send(text)).message as Message);
    }
    await eventually(async () => {
      const queued = await db()
        .select()
        .from(telegramOutbox)
        .where(eq(telegramOutbox.conversationId, customer.conversationId));
      return queued.filter((row) => row.coalescible).length === 3 && stack.fake.parked > 0;
    }, 'the three lines queued behind the new topic');
    stack.fake.resume();
    const { codename } = (await customer.history()).body.conversation;
    const topic = await topicOf(stack.fake, codename);
    const post = await botSays(stack.fake, topic.thread_id, 'Order 77 please');
    expect(post.text).toBe('👤 Vic:\nMy card is 4111 1111\nOops, ignore that\nOrder 77 please');

    expect((await change(customer, 'DELETE', sent[0]!.id)).status).toBe(200);
    await eventually(
      () => post.text === `👤 Vic:\n${DELETED_LINE}\nOops, ignore that\nOrder 77 please`,
      'the post without the card number',
    );
    customer.close();
  });
});
