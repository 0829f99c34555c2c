// Telegram set up in the console while the server runs: the real server starts with
// Telegram off, an admin saves the bot and group through the admin API, and the next
// customer message opens a topic — same process, no restart. A broken token saved later, or
// a token revoked under the running server, degrades Telegram (in /readyz and the console)
// until a working one is saved again; what was written meanwhile waits in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, FakeTelegram } from '../e2e/fake-telegram/fake-telegram';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { type RunningServer, startServer } from './server';
import { ann, SUPPORT_CHAT } from './telegram';

let fake: FakeTelegram;
let server: RunningServer;

const readiness = async () =>
  (await api<{ status: string; telegram: string }>(`${server.url}/readyz`)).body;

beforeAll(async () => {
  fake = new FakeTelegram();
  await fake.start();
  server = await startServer({ env: { TELEGRAM_API_ROOT: fake.url } });
});

afterAll(async () => {
  await server?.dispose();
  await fake?.stop();
});

describe('Telegram set up at run time', () => {
  it('starts with Telegram off', async () => {
    expect(await readiness()).toMatchObject({ status: 'ok', telegram: 'off' });
    expect(fake.world.calls).toEqual([]);
  });

  it('mirrors the next conversation once the setup is saved, without a restart', async () => {
    const pid = server.pid();
    const early = await CustomerClient.start(server.url, { name: 'Before' });
    await early.connect();
    await early.send('Written while Telegram was off');

    // The admin adds the bot to the group, detects it, and saves.
    fake.addBotToGroup(ann, {
      id: SUPPORT_CHAT,
      title: 'Support',
      is_forum: true,
      botStatus: 'administrator',
      botCanManageTopics: true,
    });
    fake.write(ann, SUPPORT_CHAT, null, '/start');
    const detected = await admin<{ groups: Array<{ id: number }> }>(
      server.url,
      '/telegram/groups',
      {
        botToken: FAKE_TOKEN,
      },
    );
    expect(detected.body.groups.map((g) => g.id)).toEqual([SUPPORT_CHAT]);
    const saved = await admin<{ telegram: { health: { status: string } } }>(
      server.url,
      '/telegram',
      { botToken: FAKE_TOKEN, supportChatId: SUPPORT_CHAT, mode: 'polling' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.telegram.health.status).toBe('ok');
    expect(await readiness()).toMatchObject({ status: 'ok', telegram: 'ok' });

    const customer = await CustomerClient.start(server.url, { name: 'Ada' });
    await customer.connect();
    await customer.send('Hello after the setup');
    const { codename } = (await customer.history()).body.conversation;
    const topic = await eventually(
      () => fake.topics(SUPPORT_CHAT).find((t) => t.name.endsWith(codename)),
      'the topic of the new conversation',
      15_000,
    );
    await eventually(
      () =>
        fake
          .botMessages(SUPPORT_CHAT, topic.thread_id)
          .find((m) => m.text.includes('Hello after the setup')),
      'the customer message in the topic',
    );
    // Replies written in the topic reach the customer: updates arrive by polling.
    fake.write(ann, SUPPORT_CHAT, topic.thread_id, 'Hi Ada, how can I help?');
    await eventually(
      () => customer.received.some((m) => m.text === 'Hi Ada, how can I help?'),
      'the reply from the topic',
    );
    expect(server.pid()).toBe(pid);
  });

  it('degrades with the reason when a broken token is saved, and recovers', async () => {
    const broken = await admin(server.url, '/telegram', {
      botToken: '123456:revoked-token-0000',
      supportChatId: SUPPORT_CHAT,
      mode: 'polling',
    });
    expect(broken.status).toBe(200);
    const degraded = await readiness();
    expect(degraded.status).toBe('degraded');
    expect(degraded.telegram).toMatch(/bot unavailable: 401/);
    const state = await admin<{ telegram: { health: { status: string; fix: string } } }>(
      server.url,
      '/telegram',
    );
    expect(state.body.telegram.health).toMatchObject({
      status: 'degraded',
      fix: expect.stringMatching(/token/),
    });
    expect(JSON.stringify(state.body)).not.toContain('revoked-token');

    await admin(server.url, '/telegram', { botToken: FAKE_TOKEN, supportChatId: SUPPORT_CHAT });
    expect(await readiness()).toMatchObject({ status: 'ok', telegram: 'ok' });
  });

  it('follows a change made through the settings API too', async () => {
    // Another instance (or a script) changes the stored settings: the NOTIFY reaches this one.
    const changed = await admin(server.url, '/settings', {
      telegram: { botToken: '123456:another-broken-0000' },
    });
    expect(changed.status).toBe(200);
    let telegram = '';
    for (let tries = 0; tries < 100 && !/bot unavailable/.test(telegram); tries++) {
      telegram = (await readiness()).telegram;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(telegram).toMatch(/bot unavailable/);
  });

  it('holds messages while the token is revoked and sends them once a new one is saved', async () => {
    await admin(server.url, '/telegram', { botToken: FAKE_TOKEN, supportChatId: SUPPORT_CHAT });
    const customer = await CustomerClient.start(server.url, { name: 'Revoked' });
    await customer.connect();
    await customer.send('before the revocation');
    const { codename } = (await customer.history()).body.conversation;
    const topic = await eventually(
      () => fake.topics(SUPPORT_CHAT).find((t) => t.name.endsWith(codename)),
      'the topic',
      15_000,
    );
    const lines = () =>
      fake
        .botMessages(SUPPORT_CHAT, topic.thread_id)
        .filter((m) => m.text.startsWith('👤 '))
        .flatMap((m) => m.text.split('\n').slice(1));
    await eventually(() => lines().includes('before the revocation'), 'the first message');
    const pid = server.pid();

    // Revoked in @BotFather while Parley runs: the old token now gets 401 everywhere.
    fake.token = '654321:the-token-after-revoke';
    await customer.send('while revoked 1');
    await customer.send('while revoked 2');
    await eventually(async () => /401/.test((await readiness()).telegram), 'degraded in /readyz');
    const state = await admin<{ telegram: { health: { status: string; fix?: string } } }>(
      server.url,
      '/telegram',
    );
    expect(state.body.telegram.health).toMatchObject({
      status: 'degraded',
      fix: expect.stringMatching(/token/i),
    });
    expect(lines()).toEqual(['before the revocation']);

    const saved = await admin(server.url, '/telegram', {
      botToken: fake.token,
      supportChatId: SUPPORT_CHAT,
    });
    expect(saved.status).toBe(200);
    await eventually(() => lines().includes('while revoked 2'), 'the held messages', 30_000);
    expect(lines()).toEqual(['before the revocation', 'while revoked 1', 'while revoked 2']);
    expect(await readiness()).toMatchObject({ status: 'ok', telegram: 'ok' });
    expect(server.pid()).toBe(pid);
    customer.close();
  }, 90_000);
});
