// The console's Telegram setup through its admin API, against the fake Bot API: the token
// is checked, the group the bot was added to is detected, its problems come with fixes, a
// test topic comes and goes, and saving starts Telegram in this process without a restart.
// The token never appears in a response or in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT, FAKE_TOKEN, FakeTelegram } from '@/e2e/fake-telegram/fake-telegram';
import { database, db } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { getSettings } from '@/lib/settings/settings';
import { TelegramManager } from '@/lib/telegram/manager';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError } from '@/test/api-requests';
import { eventually } from '@/test/customer-client';
import { createAgent } from '@/test/factories';
import * as readyRoute from '../../../../readyz/route';
import * as webhookRoute from '../../../telegram/webhook/route';
import * as settingsRoute from '../settings/route';
import * as checkRoute from './check/route';
import * as groupsRoute from './groups/route';
import * as stateRoute from './route';
import * as testTopicRoute from './test-topic/route';
import * as tokenRoute from './token/route';

const fake = new FakeTelegram();
await fake.start();
// Read when the environment is first loaded, which happens in the tests below.
process.env.TELEGRAM_API_ROOT = fake.url;

const SERVICE = { token: 'test-service-token-0123456789' };
const GROUP = -1009876543210;
const ann = { id: 5001, first_name: 'Ann' };

/** Every response body seen, to prove the token never comes back. */
const bodies: string[] = [];

async function call(
  handler: (request: Request) => Promise<Response>,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await handler(apiRequest(method, path, { ...SERVICE, body }));
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: JSON.parse(text) };
}

const post = (handler: (r: Request) => Promise<Response>, path: string, body?: unknown) =>
  call(handler, 'POST', path, body ?? {});
const state = async () => (await call(stateRoute.GET, 'GET', '/admin/telegram')).body.telegram;
const readiness = async () => (await (await readyRoute.GET()).json()) as { telegram: string };

let manager: TelegramManager;

beforeAll(async () => {
  manager = new TelegramManager(database());
  await manager.start();
});

afterAll(async () => {
  await manager.stop();
  await fake.stop();
});

describe('the Telegram setup API', () => {
  it('is for admins only', async () => {
    await expectError(
      await stateRoute.GET(apiRequest('GET', '/admin/telegram')),
      401,
      'unauthorized',
    );
    const agent = await createAgent({ role: 'agent' });
    const asAgent = { headers: { cookie: await sessionCookie(agent.id) } };
    await expectError(
      await stateRoute.GET(apiRequest('GET', '/admin/telegram', asAgent)),
      403,
      'forbidden',
    );
    await expectError(
      await tokenRoute.POST(
        apiRequest('POST', '/admin/telegram/token', { ...asAgent, body: { botToken: FAKE_TOKEN } }),
      ),
      403,
      'forbidden',
    );
  });

  it('starts off', async () => {
    expect(await state()).toMatchObject({
      source: 'off',
      bot: null,
      chat: null,
      botToken: { set: false, last4: null },
      health: { status: 'off' },
    });
    expect((await readiness()).telegram).toBe('off');
  });

  it('checks a pasted token and names the bot', async () => {
    const ok = await post(tokenRoute.POST, '/admin/telegram/token', { botToken: FAKE_TOKEN });
    expect(ok).toEqual({
      status: 200,
      body: { ok: true, bot: { id: FAKE_BOT.id, username: FAKE_BOT.username, name: 'Parley' } },
    });
    const rejected = await post(tokenRoute.POST, '/admin/telegram/token', {
      botToken: '123456:not-the-right-token',
    });
    expect(rejected.body).toMatchObject({ ok: false, problem: 'Telegram rejected this token' });
    expect(rejected.body.fix).toMatch(/BotFather/);
    const malformed = await tokenRoute.POST(
      apiRequest('POST', '/admin/telegram/token', { ...SERVICE, body: { botToken: 'hello' } }),
    );
    await expectError(malformed, 400, 'invalid_request');
    // Nothing was saved or started by a check.
    expect((await state()).source).toBe('off');
  });

  it('detects the group the bot was added to and where /start was sent', async () => {
    const none = await post(groupsRoute.POST, '/admin/telegram/groups', { botToken: FAKE_TOKEN });
    expect(none.body).toEqual({ ok: true, source: 'updates', groups: [] });

    fake.addBotToGroup(ann, { id: GROUP, title: 'Acme support' });
    fake.write(ann, GROUP, null, '/start');
    const found = await post(groupsRoute.POST, '/admin/telegram/groups', { botToken: FAKE_TOKEN });
    expect(found.body).toEqual({
      ok: true,
      source: 'updates',
      groups: [{ id: GROUP, title: 'Acme support', type: 'supergroup', isForum: false }],
    });
    // Without a token and none saved, the admin is asked for one.
    await expectError(
      await groupsRoute.POST(
        apiRequest('POST', '/admin/telegram/groups', { ...SERVICE, body: {} }),
      ),
      400,
      'invalid_request',
    );
  });

  it('shows each problem of the group with its fix, until the group is ready', async () => {
    const check = () =>
      post(checkRoute.POST, '/admin/telegram/check', { botToken: FAKE_TOKEN, chatId: GROUP });

    const first = (await check()).body;
    expect(first.ok).toBe(false);
    expect(first.chat).toEqual({ id: GROUP, title: 'Acme support', isForum: false });
    const byId = Object.fromEntries(first.steps.map((s: { id: string }) => [s.id, s]));
    expect(byId.token.ok).toBe(true);
    expect(byId.group.ok).toBe(true);
    expect(byId.forum).toMatchObject({ ok: false, fix: expect.stringMatching(/Turn on Topics/) });
    expect(byId.admin).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/Administrators.*Manage topics/),
    });

    fake.changeGroup(GROUP, { is_forum: true });
    const second = (await check()).body;
    expect(
      second.steps.filter((s: { ok: boolean }) => !s.ok).map((s: { id: string }) => s.id),
    ).toEqual(['admin']);

    fake.changeGroup(GROUP, { botStatus: 'administrator', botCanManageTopics: true });
    const third = (await check()).body;
    expect(third.ok).toBe(true);
    expect(third.steps.every((s: { ok: boolean }) => s.ok)).toBe(true);

    const unknown = (
      await post(checkRoute.POST, '/admin/telegram/check', { botToken: FAKE_TOKEN, chatId: -1001 })
    ).body;
    expect(unknown.steps.find((s: { id: string }) => s.id === 'group')).toMatchObject({
      ok: false,
      fix: expect.stringMatching(/Add @parley_test_bot/),
    });
  });

  it('opens a test topic, posts in it and deletes it', async () => {
    const result = await post(testTopicRoute.POST, '/admin/telegram/test-topic', {
      botToken: FAKE_TOKEN,
      chatId: GROUP,
    });
    expect(result.body).toMatchObject({ ok: true, title: 'Parley test', removed: 'deleted' });
    const topic = fake.topics(GROUP).find((t) => t.thread_id === result.body.threadId)!;
    expect(topic).toMatchObject({ name: 'Parley test', deleted: true });
    expect(fake.botMessages(GROUP, topic.thread_id)[0]?.text).toMatch(/can open topics/);
  });

  it('says why a test topic cannot be opened', async () => {
    const other = -1005550001;
    fake.addBotToGroup(ann, { id: other, title: 'No topics here' });
    const result = await post(testTopicRoute.POST, '/admin/telegram/test-topic', {
      botToken: FAKE_TOKEN,
      chatId: other,
    });
    expect(result.body).toMatchObject({ ok: false, problem: expect.stringMatching(/not a forum/) });
  });

  it('saves the setup, which takes effect at once: /readyz says ok', async () => {
    const saved = await post(stateRoute.POST, '/admin/telegram', {
      botToken: FAKE_TOKEN,
      supportChatId: GROUP,
      mode: 'polling',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.telegram).toMatchObject({
      source: 'database',
      bot: { username: FAKE_BOT.username },
      chat: { id: GROUP, title: 'Acme support' },
      mode: 'polling',
      botToken: { set: true, last4: FAKE_TOKEN.slice(-4) },
      health: { status: 'ok', state: 'ok' },
    });
    expect(await readiness()).toMatchObject({ telegram: 'ok' });
  });

  it('lists groups from the running bot while it polls', async () => {
    fake.addBotToGroup(ann, { id: -1007770001, title: 'Second team' });
    // The running poller hands the update over; the setup asks the bot, not getUpdates.
    await eventually(
      () => fake.world.calls.some((c) => c.method === 'getUpdates' && c.at > Date.now() - 5000),
      'the poller',
    );
    let result: { source: string; groups: Array<{ id: number; title: string }> } | undefined;
    for (let tries = 0; tries < 100; tries++) {
      result = (await post(groupsRoute.POST, '/admin/telegram/groups', {})).body;
      if (result!.groups.some((g) => g.id === -1007770001)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(result!.source).toBe('running_bot');
    expect(result!.groups).toContainEqual(expect.objectContaining({ title: 'Second team' }));
  });

  it('checks the webhook secret it saved, and goes back to polling', async () => {
    await post(stateRoute.POST, '/admin/telegram', { supportChatId: GROUP, mode: 'webhook' });
    expect(fake.webhookUrl).toBe('http://localhost:3000/api/telegram/webhook');
    const { webhookSecret } = await getSettings(db(), 'telegram');
    expect(webhookSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const deliver = (secret: string) =>
      webhookRoute.POST(
        new Request('http://localhost:3000/api/telegram/webhook', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': secret,
          },
          body: JSON.stringify({ update_id: 999_001 }),
        }),
      );
    await expectError(await deliver('wrong-secret'), 401, 'unauthorized');
    expect((await deliver(webhookSecret!)).status).toBe(200);
    const back = await post(stateRoute.POST, '/admin/telegram', {
      supportChatId: GROUP,
      mode: 'polling',
    });
    expect(back.body.telegram).toMatchObject({ mode: 'polling', webhookSecret: { set: true } });
    expect(fake.webhookUrl).toBeNull();
    await expectError(await deliver(webhookSecret!), 404, 'not_found');
  });

  it('masks the token in the settings API and keeps it out of the audit log', async () => {
    const { body } = await call(settingsRoute.GET, 'GET', '/admin/settings');
    expect(body.settings.telegram).toMatchObject({
      botToken: { set: true, last4: FAKE_TOKEN.slice(-4) },
      webhookSecret: { set: true },
      supportChatId: GROUP,
      managedByEnvironment: false,
    });
    // A POST may set the token; its answer is masked too.
    await call(settingsRoute.POST, 'POST', '/admin/settings', {
      telegram: { botToken: FAKE_TOKEN },
    });
    const audit = await db().select().from(auditLog);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['telegram.test_topic', 'telegram.connected', 'settings.updated']),
    );
    const { webhookSecret } = await getSettings(db(), 'telegram');
    for (const text of [...bodies, JSON.stringify(audit)]) {
      expect(text).not.toContain(FAKE_TOKEN);
      expect(text).not.toContain(FAKE_TOKEN.split(':')[1]);
      expect(text).not.toContain(webhookSecret!);
    }
  });

  it('degrades with the reason when a saved token stops working, and recovers', async () => {
    await post(stateRoute.POST, '/admin/telegram', {
      botToken: '123456:revoked-token-0000',
      supportChatId: GROUP,
      mode: 'polling',
    });
    const degraded = await state();
    expect(degraded.health).toMatchObject({
      status: 'degraded',
      state: expect.stringMatching(/bot unavailable/),
      fix: expect.stringMatching(/token/),
    });
    expect((await readiness()).telegram).toMatch(/bot unavailable/);
    await post(stateRoute.POST, '/admin/telegram', { botToken: FAKE_TOKEN, supportChatId: GROUP });
    expect((await state()).health.status).toBe('ok');
  });

  it('disconnects: Telegram is off at once', async () => {
    const { body } = await call(stateRoute.DELETE, 'DELETE', '/admin/telegram');
    expect(body.telegram).toMatchObject({ source: 'off', botToken: { set: false } });
    expect((await readiness()).telegram).toBe('off');
    const audit = await db().select().from(auditLog);
    expect(audit.some((a) => a.action === 'telegram.disconnected')).toBe(true);
  });
});
