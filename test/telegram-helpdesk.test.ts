// The helpdesk inside Telegram, driven through the fake Bot API as agents use it: the
// real server in webhook mode, customers on the widget socket, agents in the group.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramLinkCode } from '../lib/agents/telegram-link';
import { db } from '../lib/db/client';
import { agents, conversations, telegramOutbox } from '../lib/db/schema';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { createAgent } from './factories';
import { TEST_ADMIN } from './server';
import {
  ann,
  bob,
  botSays,
  customerWithTopic,
  delivered,
  fileDatabase,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
  topicOf,
  WEBHOOK_SECRET,
} from './telegram';

let stack: TelegramStack;

beforeAll(async () => {
  stack = await startTelegramStack({ mode: 'webhook', database: fileDatabase() });
  // Sweep every second (for the reminder test), reminding nobody until that test asks.
  await admin(stack.server.url, '/settings', {
    automation: {
      sweepIntervalSeconds: 1,
      firstReminderSeconds: 86_400,
      secondReminderSeconds: 86_401,
    },
  });
});

afterAll(async () => {
  await stack?.dispose();
});

interface Details {
  conversation: { status: string; assignee: { name: string; email: string | null } | null };
  messages: Array<{ author: string; text: string; agentName?: string }>;
  notes: Array<{ text: string; authorName: string }>;
}

const details = async (id: string) =>
  (await admin<Details>(stack.server.url, `/conversations/${id}`)).body;

const withTopic = (name: string, first?: string) => customerWithTopic(stack, name, first);

const say = (user: typeof ann, thread: number | null, text: string) =>
  delivered(stack.fake.write(user, SUPPORT_CHAT, thread, text));

describe('Telegram helpdesk (webhook mode)', () => {
  it('is ready, with the webhook set to PUBLIC_URL', async () => {
    const ready = await api<{ telegram: string; status: string }>(`${stack.server.url}/readyz`);
    expect(ready.body).toMatchObject({ status: 'ok', telegram: 'ok' });
    expect(stack.fake.webhookUrl).toBe(`${stack.server.url}/api/telegram/webhook`);
  });

  it('opens a topic on the first customer message, with a header card, and carries replies both ways', async () => {
    const customer = await CustomerClient.start(stack.server.url, {
      name: 'Alice',
      fields: { plan: 'Pro' },
      page: { url: 'https://shop.example/pricing', title: 'Pricing' },
    });
    await customer.connect();
    const { codename } = (await customer.history()).body.conversation;
    expect(stack.fake.topics(SUPPORT_CHAT).some((t) => t.name.includes(codename))).toBe(false);

    await customer.send('Hello, I need help with my order');
    const topic = await topicOf(stack.fake, codename);
    expect(topic.name).toBe(`Alice — ${codename}`);
    await botSays(stack.fake, topic.thread_id, 'Hello, I need help with my order');
    const [header, mirrored] = stack.fake.botMessages(SUPPORT_CHAT, topic.thread_id);
    expect(header!.text).toContain(codename);
    expect(header!.text).toContain('Pricing — https://shop.example/pricing');
    expect(header!.text).toContain('plan: Pro');
    const buttons = (
      header!.reply_markup as {
        inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
      }
    ).inline_keyboard[0]!;
    expect(buttons.map((b) => b.callback_data.split(':')[0])).toEqual(['claim', 'close', 'block']);
    expect(mirrored!.text).toBe('👤 Alice:\nHello, I need help with my order');
    expect(mirrored!.disable_notification).toBe(true);

    await say(ann, topic.thread_id, 'Hi Alice, what is the order number?');
    const reply = await eventually(
      () => customer.received.find((m) => m.author === 'agent'),
      'the reply on the customer socket',
    );
    expect(reply).toMatchObject({
      text: 'Hi Alice, what is the order number?',
      agentName: 'Ann Agent',
    });
    const { conversation } = await details(customer.conversationId);
    expect(conversation).toMatchObject({
      status: 'awaiting_customer',
      assignee: { name: 'Ann Agent', email: null },
    });
    customer.close();
  });

  it('refuses a reply in a conversation someone else holds, until they take it over', async () => {
    const { customer, thread } = await withTopic('Carol');
    await say(ann, thread, 'Ann answers first');
    await eventually(() => customer.received.some((m) => m.text === 'Ann answers first'), 'Ann');

    await say(bob, thread, 'Bob butts in');
    await botSays(stack.fake, thread, /^⚠️ Bob: not sent — Claimed by Ann Agent.*\/claim/);
    await say(bob, thread, '/claim');
    await botSays(stack.fake, thread, '🙋 Bob took over this conversation.');
    await say(bob, thread, 'Bob here now');
    await eventually(() => customer.received.some((m) => m.text === 'Bob here now'), 'Bob');
    expect(customer.received.map((m) => m.text)).not.toContain('Bob butts in');
    customer.close();
  });

  it('answers the Claim, Close and Block buttons and keeps the topic in step', async () => {
    const { customer, codename, thread } = await withTopic('Dave');
    const header = stack.fake.botMessages(SUPPORT_CHAT, thread)[0]!;
    const press = async (action: string) => {
      const pressed = stack.fake.press(
        ann,
        SUPPORT_CHAT,
        header.message_id,
        `${action}:${customer.conversationId}`,
      );
      await delivered(pressed);
      return eventually(
        () => stack.fake.world.callbackAnswers.find((a) => a.id === pressed.id),
        'the answer',
      );
    };

    expect(await press('claim')).toMatchObject({ text: 'Claimed: it is yours now' });
    expect((await details(customer.conversationId)).conversation.assignee?.name).toBe('Ann Agent');
    await botSays(stack.fake, thread, '🙋 Ann Agent claimed this conversation.');

    expect(await press('close')).toMatchObject({ text: 'Closed' });
    await eventually(
      () => customer.received.some((m) => m.author === 'system'),
      'the closing message',
    );
    await eventually(
      () =>
        stack.fake
          .topics(SUPPORT_CHAT)
          .find((t) => t.thread_id === thread && t.closed && t.name === `✅ Dave — ${codename}`),
      'a closed topic',
    );

    expect(await press('close')).toMatchObject({
      show_alert: true,
      text: expect.stringMatching(/closed/),
    });

    expect(await press('block')).toMatchObject({ text: 'Blocked' });
    await eventually(
      () =>
        stack.fake
          .topics(SUPPORT_CHAT)
          .find((t) => t.thread_id === thread && t.name === `⛔ Dave — ${codename}`),
      'the blocked title',
    );
    // Blocked: the customer's socket is dropped and their token no longer works.
    await eventually(() => customer.socket?.connected === false, 'the customer socket dropped');
    const write = await api(
      `${stack.server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      { method: 'POST', token: customer.token, body: { text: 'Let me in', clientId: 'let-me-in' } },
    );
    expect(write.status).toBe(401);
    customer.close();
  });

  it('runs every command, and a note never reaches the customer', async () => {
    const { customer, codename, thread } = await withTopic('Erin');
    const topicState = () => stack.fake.topics(SUPPORT_CHAT).find((t) => t.thread_id === thread)!;

    await say(ann, thread, '/help');
    await botSays(stack.fake, thread, '/note <text> — a private note');
    await say(ann, thread, '/whoami');
    await botSays(stack.fake, thread, /^You are Ann Agent \(agent\), not linked/);

    await say(ann, thread, '/note Customer sounds upset; offer a refund');
    await botSays(
      stack.fake,
      thread,
      '📝 Note by Ann Agent: Customer sounds upset; offer a refund',
    );
    const afterNote = await details(customer.conversationId);
    expect(afterNote.notes.map((n) => n.text)).toEqual(['Customer sounds upset; offer a refund']);
    expect(afterNote.messages.some((m) => m.text.includes('refund'))).toBe(false);
    expect((await customer.history()).body.messages.some((m) => m.text.includes('refund'))).toBe(
      false,
    );

    await say(ann, thread, '/claim');
    await botSays(stack.fake, thread, '🙋 Ann Agent claimed');
    await say(ann, thread, '/close');
    await eventually(() => topicState().closed && topicState().name.startsWith('✅'), 'closed');
    await say(ann, thread, '/reopen');
    await eventually(
      () => !topicState().closed && topicState().name === `Erin — ${codename}`,
      'reopened',
    );
    await botSays(stack.fake, thread, 'ℹ️ The conversation was reopened.');
    await say(ann, thread, '/block');
    await eventually(() => topicState().closed && topicState().name.startsWith('⛔'), 'blocked');
    await say(ann, thread, '/unblock');
    await eventually(() => topicState().name.startsWith('✅'), 'unblocked (closed)');
    expect((await details(customer.conversationId)).conversation.status).toBe('closed');
    await say(ann, thread, '/frobnicate');
    await botSays(stack.fake, thread, 'Unknown command /frobnicate');

    await say(ann, null, '/claim');
    await eventually(
      () =>
        stack.fake
          .botMessages(SUPPORT_CHAT, null)
          .find((m) => m.text.includes("inside a conversation's topic")),
      'the notice in General',
    );
    expect(customer.received.some((m) => m.text.includes('refund'))).toBe(false);
    customer.close();
  });

  it('mirrors inbox replies and notes, marked, and carries an edit to the customer’s copy', async () => {
    const { customer, thread } = await withTopic('Fay');
    const agentEmail = TEST_ADMIN.email;
    await admin(stack.server.url, `/conversations/${customer.conversationId}/messages`, {
      text: 'From the inbox',
      agentEmail,
    });
    await botSays(stack.fake, thread, 'ann (inbox): From the inbox');
    await admin(stack.server.url, `/conversations/${customer.conversationId}/notes`, {
      text: 'VIP customer',
      agentEmail,
    });
    await botSays(stack.fake, thread, '📝 Note by ann: VIP customer');

    // The inbox agent holds it; the Telegram agent takes over, writes, then fixes a typo.
    await say(ann, thread, '/claim');
    const { update } = stack.fake.write(ann, SUPPORT_CHAT, thread, 'Your refnud is on its way');
    await eventually(
      () => customer.received.some((m) => m.text === 'Your refnud is on its way'),
      'the reply',
    );
    await delivered(
      stack.fake.edit(
        ann,
        SUPPORT_CHAT,
        (update as { message?: { message_id: number } }).message!.message_id,
        'Your refund is on its way',
      ),
    );
    const reply = customer.received.find((m) => m.text === 'Your refnud is on its way')!;
    await eventually(async () => {
      const { body } = await customer.history();
      return body.messages.some(
        (m) => m.id === reply.id && m.text === 'Your refund is on its way' && m.editedAt,
      );
    }, 'the edited reply');
    customer.close();
  });

  it('retitles the topic when the customer renames themselves', async () => {
    const { customer, codename, thread } = await withTopic('Gus');
    const renamed = await api(
      `${stack.server.url}/api/v1/conversations/${customer.conversationId}`,
      {
        method: 'PATCH',
        token: customer.token,
        body: { name: 'Gustav' },
      },
    );
    expect(renamed.status).toBe(200);
    await eventually(
      () =>
        stack.fake
          .topics(SUPPORT_CHAT)
          .find((t) => t.thread_id === thread && t.name === `Gustav — ${codename}`),
      'the new title',
    );
    customer.close();
  });

  it('retitles once for a burst of renames queued behind a slow Telegram', async () => {
    const { customer, codename, thread } = await withTopic('Ivy');
    const rename = (name: string) =>
      api(`${stack.server.url}/api/v1/conversations/${customer.conversationId}`, {
        method: 'PATCH',
        token: customer.token,
        body: { name },
      });
    const edits = () =>
      stack.fake.world.calls.filter((call) => call.method === 'editForumTopic').length;
    const before = edits();
    // The first rename's call is under way when the others come: they wait behind it.
    stack.fake.hold();
    expect((await rename('Ivy A')).status).toBe(200);
    await eventually(() => stack.fake.parked > 0, 'the first retitle under way');
    for (const name of ['Ivy B', 'Ivy C', 'Ivy D']) expect((await rename(name)).status).toBe(200);
    await eventually(async () => {
      const queued = await db()
        .select()
        .from(telegramOutbox)
        .where(eq(telegramOutbox.conversationId, customer.conversationId));
      return (
        queued.filter((row) => row.kind === 'sync_topic' && row.status === 'pending').length === 4
      );
    }, 'the renames queued');
    stack.fake.resume();
    await eventually(
      () =>
        stack.fake
          .topics(SUPPORT_CHAT)
          .find((t) => t.thread_id === thread && t.name === `Ivy D — ${codename}`),
      'the last title',
    );
    // The one under way, then one to the last name: the syncs after it find nothing to do.
    expect(edits() - before).toBe(2);
    customer.close();
  });

  it('refuses a disabled agent, in the topic and on the buttons', async () => {
    const carl = { id: 5003, first_name: 'Carl' };
    const { customer, thread } = await withTopic('Hal');
    await say(carl, thread, '/whoami');
    await botSays(stack.fake, thread, 'You are Carl');
    await db().update(agents).set({ active: false }).where(eq(agents.telegramUserId, carl.id));

    await say(carl, thread, 'Hello from a disabled agent');
    await botSays(stack.fake, thread, /^⚠️ Carl: you are disabled in Parley/);
    const header = stack.fake.botMessages(SUPPORT_CHAT, thread)[0]!;
    const pressed = stack.fake.press(
      carl,
      SUPPORT_CHAT,
      header.message_id,
      `claim:${customer.conversationId}`,
    );
    await delivered(pressed);
    expect(stack.fake.world.callbackAnswers.find((a) => a.id === pressed.id)).toMatchObject({
      show_alert: true,
      text: expect.stringMatching(/disabled/),
    });
    expect((await details(customer.conversationId)).conversation.assignee).toBeNull();
    expect(customer.received.some((m) => m.author === 'agent')).toBe(false);
    customer.close();
  });

  it('links a Telegram user to an inbox account with a one-time code', async () => {
    const dana = { id: 5004, first_name: 'Dana' };
    const inboxAgent = await createAgent({ name: 'Dana Inbox', email: 'dana@example.com' });
    const { customer, thread } = await withTopic('Ivy');
    await say(dana, thread, 'Answering as a Telegram stand-in');
    await eventually(
      () => customer.received.some((m) => m.agentName === 'Dana'),
      'the stand-in reply',
    );

    const { code } = await createTelegramLinkCode(inboxAgent.id);
    await say(dana, null, `/link ${code}`);
    await eventually(
      () =>
        stack.fake
          .botMessages(SUPPORT_CHAT, null)
          .find((m) => m.text.includes('Linked: here you are now Dana Inbox')),
      'the link confirmation',
    );
    await say(dana, thread, 'Now from my inbox account');
    await eventually(
      () =>
        customer.received.find(
          (m) => m.text === 'Now from my inbox account' && m.agentName === 'Dana Inbox',
        ),
      'the reply under the inbox name',
    );
    await say(dana, null, `/link ${code}`);
    await eventually(
      () =>
        stack.fake
          .botMessages(SUPPORT_CHAT, null)
          .find((m) => m.text.includes('unknown or has expired')),
      'the used code refused',
    );
    customer.close();
  });

  it('answers 401 to a wrong or missing secret and processes nothing', async () => {
    const { customer, thread } = await withTopic('Jo');
    const update = {
      update_id: 900_001,
      message: {
        message_id: 99_999,
        from: ann,
        chat: { id: SUPPORT_CHAT, type: 'supergroup', title: 'Support', is_forum: true },
        date: Math.floor(Date.now() / 1000),
        message_thread_id: thread,
        is_topic_message: true,
        text: 'Sneaky reply',
      },
    };
    const post = (headers: Record<string, string>) =>
      api<{ error: { code: string } }>(`${stack.server.url}/api/telegram/webhook`, {
        method: 'POST',
        headers,
        body: update,
      });
    for (const headers of [{}, { 'X-Telegram-Bot-Api-Secret-Token': 'wrong' }] as Array<
      Record<string, string>
    >) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
    expect(
      (await details(customer.conversationId)).messages.some((m) => m.text === 'Sneaky reply'),
    ).toBe(false);
    // Nothing was recorded either: the same update with the right secret is processed.
    expect((await post({ 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET })).status).toBe(200);
    await eventually(
      () => customer.received.some((m) => m.text === 'Sneaky reply'),
      'the real delivery',
    );
    customer.close();
  });

  it('processes a repeated update once', async () => {
    const { customer, thread } = await withTopic('Kim');
    const pushed = stack.fake.write(ann, SUPPORT_CHAT, thread, 'Said once');
    await delivered(pushed);
    expect(await stack.fake.redeliver(pushed.update.update_id)).toBe(200);
    await eventually(() => customer.received.some((m) => m.text === 'Said once'), 'the reply');
    const said = (await details(customer.conversationId)).messages.filter(
      (m) => m.text === 'Said once',
    );
    expect(said).toHaveLength(1);
    customer.close();
  });

  it('recreates a topic an admin deleted, with a recap, and reopens one closed by hand', async () => {
    const { customer, codename, thread } = await withTopic('Lou');
    await say(ann, thread, 'Hi Lou, one moment please');
    await eventually(
      () => customer.received.some((m) => m.text === 'Hi Lou, one moment please'),
      'the answer',
    );
    stack.fake.deleteTopic(SUPPORT_CHAT, thread);
    await customer.send('Are you still there?');
    const recreated = await eventually(
      () =>
        stack.fake.topics(SUPPORT_CHAT).find((t) => t.name === `Lou — ${codename}` && !t.deleted),
      'a new topic',
    );
    expect(recreated.thread_id).not.toBe(thread);
    const message = await botSays(stack.fake, recreated.thread_id, 'Are you still there?');
    const [header] = stack.fake.botMessages(SUPPORT_CHAT, recreated.thread_id);
    expect(header!.text).toContain(codename);
    // The header recalls what was said in the lost topic; the new message follows it alone.
    const recap = header!.text.slice(header!.text.indexOf('↪️'));
    expect(recap.split('\n')).toEqual([
      '↪️ Continued from an earlier topic, which was deleted or archived.',
      'The last messages:',
      '👤 Lou: Hello from Lou',
      expect.stringMatching(/^💬 .+: Hi Lou, one moment please$/),
    ]);
    expect(message!.text).toBe('👤 Lou:\nAre you still there?');
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, customer.conversationId));
    expect(row!.telegramThreadId).toBe(recreated.thread_id);

    stack.fake.closeTopic(SUPPORT_CHAT, recreated.thread_id);
    await customer.send('Hello?');
    await botSays(stack.fake, recreated.thread_id, 'Hello?');
    expect(
      stack.fake.topics(SUPPORT_CHAT).find((t) => t.thread_id === recreated.thread_id)!.closed,
    ).toBe(false);
    customer.close();
  });

  it('posts the unclaimed reminders in the topic and pins the second one', async () => {
    await admin(stack.server.url, '/settings', {
      automation: { firstReminderSeconds: 1, secondReminderSeconds: 2 },
    });
    const { customer, thread } = await withTopic('Mia');
    const pinned = await eventually(
      () => stack.fake.botMessages(SUPPORT_CHAT, thread).find((m) => m.pinned),
      'a pinned reminder',
      30_000,
    );
    expect(pinned.text).toMatch(/^ℹ️ Still unclaimed/);
    expect(
      stack.fake.botMessages(SUPPORT_CHAT, thread).some((m) => /^ℹ️ .*5 minutes/.test(m.text)),
    ).toBe(true);
    expect(customer.received.some((m) => m.text.includes('unclaimed'))).toBe(false);
    customer.close();
  });

  it('deletes the topics of conversations that retention purges', async () => {
    const { customer, thread } = await withTopic('Nils');
    await admin(stack.server.url, `/conversations/${customer.conversationId}/close`, {});
    await eventually(
      () => stack.fake.topics(SUPPORT_CHAT).find((t) => t.thread_id === thread)?.closed,
      'the topic closed with the conversation',
    );
    // Closed two days ago, as far as retention can tell.
    await db()
      .update(conversations)
      .set({ closedAt: new Date(Date.now() - 2 * 86_400_000) })
      .where(eq(conversations.id, customer.conversationId));
    await admin(stack.server.url, '/settings', { retention: { closedConversationDays: 1 } });

    await eventually(
      () => stack.fake.topics(SUPPORT_CHAT).find((t) => t.thread_id === thread)?.deleted,
      'the topic deleted by the retention sweep',
      30_000,
    );
    const left = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, customer.conversationId));
    expect(left).toEqual([]);
    customer.close();
  });
});
