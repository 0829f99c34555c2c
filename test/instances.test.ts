// Several instances for real: two Parley processes on one PostgreSQL behind the nginx
// configuration shipped in deploy/, once with the PostgreSQL Socket.IO adapter and once with
// REDIS_URL. A customer on one instance and an agent on the other talk live; rate limits
// and "who is viewing" hold across both; one Telegram poller at a time, taken over when its
// instance is killed; clients of a killed instance reconnect through the balancer and catch
// up on what they missed exactly once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/lib/contracts';
import type { FakeTelegram } from '../e2e/fake-telegram/fake-telegram';
import { addSignedInAgent, connectAgentSocket, signInOverHttp } from './agent-session';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { createTestDatabase, type TestDatabase } from './database';
import { type RunningNginx, startNginx } from './nginx';
import { freePort, type RunningServer, startServer, TEST_ADMIN } from './server';
import { ann, botSays, SUPPORT_CHAT, startFakeTelegram, topicOf } from './telegram';

// nginx serves the shipped TLS setup with a self-signed certificate.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MESSAGES_PER_MINUTE = 12;

async function redisAnswers(): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
const withRedis = await redisAnswers();
if (!withRedis) console.warn(`no Redis at ${REDIS_URL}: the REDIS_URL case is skipped`);

interface Cluster {
  instances: [RunningServer, RunningServer];
  balancer: RunningNginx;
  fake: FakeTelegram;
  database: TestDatabase;
  sql: postgres.Sql;
  dispose(): Promise<void>;
}

async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const database = await createTestDatabase('instances');
  const fake = await startFakeTelegram();
  const shared = {
    RATE_LIMIT_MESSAGES_PER_MINUTE: String(MESSAGES_PER_MINUTE),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_SUPPORT_CHAT_ID: String(SUPPORT_CHAT),
    TELEGRAM_API_ROOT: fake.url,
    ...env,
  };
  const first = await startServer({ database, env: shared });
  const second = await startServer({ database, env: shared });
  // Telegram's own pacing is another test's subject: here calls go out at once.
  const telegram = { coalesceWindowMs: 0, messagesPerMinute: 100_000 };
  const { status } = await admin(first.url, '/settings', { telegram });
  if (status !== 200) throw new Error(`settings refused with ${status}`);
  const work = mkdtempSync(path.join(tmpdir(), 'parley-instances-'));
  const balancer = await startNginx(work, {
    instances: [first.port, second.port],
    httpsPort: await freePort(),
    httpPort: await freePort(),
  });
  const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
  return {
    instances: [first, second],
    balancer,
    fake,
    database,
    sql,
    async dispose() {
      await balancer.stop();
      await Promise.all([first.stop(), second.stop()]);
      await sql.end();
      await fake.stop();
      await database.drop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The instance whose process holds the Telegram poller lease. */
async function pollerOf(cluster: Cluster): Promise<RunningServer> {
  return eventually(async () => {
    const [row] = await cluster.sql<{ holder: string }[]>`
      select holder from leases where name = 'telegram-poller' and expires_at >= now()`;
    const pid = Number(row?.holder.split(':')[1]);
    return cluster.instances.find((instance) => instance.pid() === pid);
  }, 'an instance polling Telegram');
}

/**
 * A widget that, like the real one, fetches what it missed after every reconnect: `pushed`
 * is what the sockets delivered, `known` everything it holds, by seq.
 */
async function catchingUpCustomer(base: string, name: string) {
  const customer = await CustomerClient.start(base, { name });
  const socket = await customer.connect({ selfSigned: true });
  const known = new Map<number, Message>();
  socket.on('message', (message: Message) => known.set(message.seq, message));
  let reconnects = 0;
  socket.io.on('reconnect', async () => {
    reconnects += 1;
    const lastSeq = Math.max(0, ...known.keys());
    for (const message of (await customer.history(lastSeq)).body.messages) {
      known.set(message.seq, message);
    }
  });
  return { customer, known, pushed: customer.received, reconnects: () => reconnects };
}

function agentReply(base: string, cookie: string, conversationId: string, text: string) {
  return api<{ message: Message }>(
    `${base}/api/v1/agent/conversations/${conversationId}/messages`,
    {
      method: 'POST',
      headers: { cookie },
      body: { text },
    },
  );
}

const cases: Array<[string, Record<string, string>, boolean]> = [
  ['the PostgreSQL adapter', {}, true],
  ['REDIS_URL set', { REDIS_URL }, withRedis],
];

describe.each(cases)('two instances with %s', (_name, env, enabled) => {
  let cluster: Cluster;
  let adminCookie: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    if (!enabled) return;
    cluster = await startCluster(env);
    adminCookie = await signInOverHttp(
      cluster.instances[1].url,
      TEST_ADMIN.email,
      TEST_ADMIN.password,
    );
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await cluster?.dispose();
  });

  it.runIf(enabled)('a customer on one instance and an agent on the other talk live', async () => {
    const [first, second] = cluster.instances;
    const agent = await connectAgentSocket(second.url, { cookie: adminCookie });
    sockets.push(agent);
    const seen: Message[] = [];
    agent.on('message', (message: Message) => seen.push(message));

    const customer = await CustomerClient.start(first.url, { name: 'Ines' });
    await customer.connect();
    await customer.send('Hello from the first instance');
    const arrived = await eventually(
      () => seen.find((m) => m.conversationId === customer.conversationId),
      'the customer message on the other instance',
    );
    expect(arrived.text).toBe('Hello from the first instance');

    const reply = await agentReply(second.url, adminCookie, customer.conversationId, 'Hi Ines');
    expect(reply.status).toBe(201);
    const answered = await eventually(
      () => customer.received.find((m) => m.author === 'agent'),
      'the reply on the first instance',
    );
    expect(answered.text).toBe('Hi Ines');
    customer.close();
  });

  it.runIf(enabled)('rate limits count across both instances', async () => {
    const customer = await CustomerClient.start(cluster.instances[0].url, { name: 'Jon' });
    let i = 0;
    const send = async (clientId: string = randomUUID()) => {
      const base = cluster.instances[i++ % 2]!.url;
      const sent = await api(`${base}/api/v1/conversations/${customer.conversationId}/messages`, {
        method: 'POST',
        token: customer.token,
        body: { clientId, text: `message ${i}` },
      });
      return sent.status;
    };
    const first = randomUUID();
    const statuses = [await send(first)];
    while (statuses.length < MESSAGES_PER_MINUTE - 1) statuses.push(await send());
    // A message sent again is answered with the stored one and does not count.
    const again = [await send(first), await send(first), await send(first)];
    statuses.push(await send());
    expect(again).toEqual([200, 200, 200]);
    expect(statuses).toEqual(Array(MESSAGES_PER_MINUTE).fill(201));
    expect([await send(), await send()]).toEqual([429, 429]);
    // Even over the limit, a message sent again gets its stored copy, not 429.
    expect(await send(first)).toBe(200);
  });

  it.runIf(enabled)('agents on different instances see each other viewing', async () => {
    const [first, second] = cluster.instances;
    const bea = await addSignedInAgent(first.url, adminCookie, 'Bea');
    const onFirst = await connectAgentSocket(first.url, { cookie: bea.cookie });
    const onSecond = await connectAgentSocket(second.url, { cookie: adminCookie });
    sockets.push(onFirst, onSecond);
    const customer = await CustomerClient.start(first.url, { name: 'Kim' });
    const viewers: string[][] = [];
    onSecond.on('viewers', (event: { conversationId: string; viewers: { name: string }[] }) => {
      if (event.conversationId === customer.conversationId) {
        viewers.push(event.viewers.map((v) => v.name).sort());
      }
    });
    onFirst.emit('viewing', { conversationId: customer.conversationId });
    onSecond.emit('viewing', { conversationId: customer.conversationId });
    await eventually(
      () => viewers.some((names) => names.length === 2 && names.includes('Bea')),
      'both viewers, one of them on the other instance',
    );
  });

  it.runIf(enabled)(
    'one Telegram poller at a time; killing it hands polling and clients to the other',
    async () => {
      const { balancer, fake } = cluster;
      // Four widgets through the balancer: round robin puts some on each instance.
      const widgets = await Promise.all(
        ['Lea', 'Max', 'Noa', 'Oli'].map((name) => catchingUpCustomer(balancer.url, name)),
      );
      for (const { customer } of widgets)
        await customer.send(`Hello from ${customer.conversationId}`);
      const polling = await pollerOf(cluster);
      const standby = cluster.instances.find((instance) => instance !== polling)!;
      const first = widgets[0]!.customer;
      const { codename } = (await first.history()).body.conversation;
      const topic = await topicOf(fake, codename);
      await botSays(fake, topic.thread_id, `Hello from ${first.conversationId}`);
      expect(fake.world.pollConflicts).toBe(0);

      const killedAt = Date.now();
      await polling.stop('SIGKILL');
      // Replies go out while the killed instance's widgets reconnect: from the survivor's
      // inbox, and (for the first widget) from the topic, which only a poller can receive.
      fake.write(ann, SUPPORT_CHAT, topic.thread_id, 'Written in Telegram');
      const standbyCookie = await signInOverHttp(
        standby.url,
        TEST_ADMIN.email,
        TEST_ADMIN.password,
      );
      for (const { customer } of widgets.slice(1)) {
        const reply = await agentReply(
          standby.url,
          standbyCookie,
          customer.conversationId,
          'On it',
        );
        expect(reply.status).toBe(201);
      }
      await eventually(
        () => [...widgets[0]!.known.values()].some((m) => m.text === 'Written in Telegram'),
        'the topic reply, polled by the standby',
        20_000,
      );
      // Within the lease (9 s) and a standby's look (3 s), whatever the machine's load.
      expect(Date.now() - killedAt).toBeLessThan(15_000);
      expect(await pollerOf(cluster)).toBe(standby);

      for (const [index, { customer, known, pushed }] of widgets.entries()) {
        const reply = index === 0 ? 'Written in Telegram' : 'On it';
        await eventually(
          () => [...known.values()].some((m) => m.text === reply),
          `the reply reaching ${customer.conversationId}`,
        );
        // Pushed at most once each; with the catch-up, nothing the server stored is missing.
        const pushedSeqs = pushed.map((m) => m.seq);
        expect(new Set(pushedSeqs).size).toBe(pushedSeqs.length);
        const stored = (await customer.history()).body.messages;
        const expected = stored.filter((m) => m.author !== 'customer').map((m) => m.seq);
        expect(expected.filter((seq) => !known.has(seq))).toEqual([]);
      }
      expect(widgets.some((w) => w.reconnects() > 0)).toBe(true);
      expect(fake.world.pollConflicts).toBe(0);
      for (const { customer } of widgets) customer.close();
    },
    90_000,
  );
});
