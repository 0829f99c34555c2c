// Departments with their own Telegram supergroup, through the fake Bot API: topics open in
// the department's group, replies from there reach the customer, a topic stays where it
// was created, and the console's check looks at the department's group as at the main one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminDepartment, DepartmentTelegramCheck } from '../lib/contracts/departments';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { TEST_SERVICE_TOKEN } from './server';
import {
  ann,
  delivered,
  fileDatabase,
  SUPPORT_CHAT,
  startTelegramStack,
  type TelegramStack,
} from './telegram';

const BILLING_CHAT = -1005550000001;
const LATER_CHAT = -1005550000002;
const PLAIN_GROUP = -1005550000003;

let stack: TelegramStack;

beforeAll(async () => {
  stack = await startTelegramStack({ mode: 'webhook', database: fileDatabase() });
  stack.fake.addSupportGroup(BILLING_CHAT, { title: 'Billing team' });
  stack.fake.addSupportGroup(LATER_CHAT, { title: 'Later team' });
  stack.fake.addSupportGroup(PLAIN_GROUP, { title: 'Chatter', is_forum: false });
});

afterAll(async () => {
  await stack?.dispose();
});

const departments = (method: string, path: string, body?: unknown) =>
  api<{ department: AdminDepartment; check: DepartmentTelegramCheck }>(
    `${stack.server.url}/api/v1/admin/departments${path}`,
    { method, token: TEST_SERVICE_TOKEN, body },
  );

async function createDepartment(body: Record<string, unknown>): Promise<AdminDepartment> {
  const { status, body: created } = await departments('POST', '', body);
  expect(status).toBe(201);
  return created.department;
}

const topicIn = (chatId: number, codename: string) =>
  eventually(
    () => stack.fake.topics(chatId).find((t) => t.name.endsWith(codename) && !t.deleted),
    `the topic of ${codename} in ${chatId}`,
  );

const botSaysIn = (chatId: number, threadId: number | null, text: string) =>
  eventually(
    () => stack.fake.botMessages(chatId, threadId).find((m) => m.text.includes(text)),
    `"${text}" from the bot in ${chatId}`,
  );

async function customerIn(departmentId: string, name: string, first: string) {
  const customer = await CustomerClient.start(stack.server.url, { name, departmentId });
  await customer.connect();
  await customer.send(first);
  const { codename } = (await customer.history()).body.conversation;
  return { customer, codename };
}

describe('a department with its own supergroup', () => {
  let billing: AdminDepartment;

  it('is checked like the main group: a forum the bot may manage', async () => {
    billing = await createDepartment({ name: 'Billing', telegramChatId: BILLING_CHAT });
    const ok = await departments('POST', `/${billing.id}/telegram-check`);
    expect(ok.status).toBe(200);
    expect(ok.body.check).toMatchObject({
      enabled: true,
      ok: true,
      chatId: BILLING_CHAT,
      usesMainChat: false,
      state: 'ok',
      botUsername: expect.any(String),
    });

    const plain = await createDepartment({ name: 'Plain', telegramChatId: PLAIN_GROUP });
    const notForum = (await departments('POST', `/${plain.id}/telegram-check`)).body.check;
    expect(notForum).toMatchObject({ ok: false, state: expect.stringMatching(/not a forum/) });
    expect(notForum.fix).toMatch(/Topics/);

    const missing = await createDepartment({ name: 'Missing', telegramChatId: -1005559999999 });
    const unknown = (await departments('POST', `/${missing.id}/telegram-check`)).body.check;
    expect(unknown).toMatchObject({ ok: false, state: expect.stringMatching(/not reachable/) });
    expect(unknown.fix).toMatch(/Add @\w+ to the/);

    const main = await createDepartment({ name: 'Main' });
    const inMain = (await departments('POST', `/${main.id}/telegram-check`)).body.check;
    expect(inMain).toMatchObject({ ok: true, chatId: SUPPORT_CHAT, usesMainChat: true });
  });

  it("opens the topic in the department's group, and a reply there reaches the customer", async () => {
    const { customer, codename } = await customerIn(billing.id, 'Dora', 'My invoice is wrong');
    const topic = await topicIn(BILLING_CHAT, codename);
    await botSaysIn(BILLING_CHAT, topic.thread_id, 'My invoice is wrong');
    expect(stack.fake.topics(SUPPORT_CHAT).some((t) => t.name.endsWith(codename))).toBe(false);

    await delivered(stack.fake.write(ann, BILLING_CHAT, topic.thread_id, 'Let me fix that'));
    const reply = await eventually(
      () => customer.received.find((m) => m.author === 'agent'),
      'the reply on the customer socket',
    );
    expect(reply).toMatchObject({ text: 'Let me fix that', agentName: 'Ann Agent' });

    // Commands work in the department's group as in the main one.
    await delivered(stack.fake.write(ann, BILLING_CHAT, topic.thread_id, '/note refund due'));
    await botSaysIn(BILLING_CHAT, topic.thread_id, 'refund due');
    customer.close();
  });

  it('keeps a conversation in its topic when the department moves to another group', async () => {
    const { customer, codename } = await customerIn(billing.id, 'Emil', 'Where is my receipt?');
    const topic = await topicIn(BILLING_CHAT, codename);
    await botSaysIn(BILLING_CHAT, topic.thread_id, 'Where is my receipt?');

    const moved = await departments('PATCH', `/${billing.id}`, { telegramChatId: LATER_CHAT });
    expect(moved.status).toBe(200);
    await customer.send('Still waiting');
    await botSaysIn(BILLING_CHAT, topic.thread_id, 'Still waiting');
    expect(stack.fake.topics(LATER_CHAT).some((t) => t.name.endsWith(codename))).toBe(false);

    // The old group still answers for the topics it holds.
    await delivered(stack.fake.write(ann, BILLING_CHAT, topic.thread_id, 'Sent it again'));
    await eventually(
      () => customer.received.find((m) => m.text === 'Sent it again'),
      'the reply from the old group',
    );

    // New conversations go to the new group at once.
    const next = await customerIn(billing.id, 'Fred', 'Hello new group');
    const newTopic = await topicIn(LATER_CHAT, next.codename);
    await botSaysIn(LATER_CHAT, newTopic.thread_id, 'Hello new group');
    await delivered(stack.fake.write(ann, LATER_CHAT, newTopic.thread_id, 'Welcome, Fred'));
    await eventually(
      () => next.customer.received.find((m) => m.text === 'Welcome, Fred'),
      'the reply from the new group',
    );
    customer.close();
    next.customer.close();
  });

  it('answers in a group set on a department a moment ago, and ignores groups that are not ours', async () => {
    await delivered(stack.fake.write(ann, SUPPORT_CHAT, null, '/help'));
    await botSaysIn(SUPPORT_CHAT, null, '/claim');

    const NEWEST_CHAT = -1005550000004;
    stack.fake.addSupportGroup(NEWEST_CHAT, { title: 'Newest team' });
    await delivered(stack.fake.write(ann, NEWEST_CHAT, null, '/help'));
    await createDepartment({ name: 'Newest', telegramChatId: NEWEST_CHAT });
    await delivered(stack.fake.write(ann, NEWEST_CHAT, null, '/help'));
    await botSaysIn(NEWEST_CHAT, null, '/claim');
    // The first /help came before the group was a department's: it got no answer.
    expect(
      stack.fake.botMessages(NEWEST_CHAT, null).filter((m) => /\/claim/.test(m.text)),
    ).toHaveLength(1);
  });

  it('lists the conversations of each department for the admin', async () => {
    const { body } = await admin<{ departments: AdminDepartment[] }>(
      stack.server.url,
      '/departments',
    );
    expect(body.departments.find((d) => d.name === 'Billing')).toMatchObject({
      telegramChatId: LATER_CHAT,
      openConversations: 3,
    });
  });
});
