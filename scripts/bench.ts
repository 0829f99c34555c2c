import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import type { Message } from '@/lib/contracts';
import { signCustomerToken } from '@/lib/customer-token';
import { openDatabase, rowsOf } from '@/lib/db/client';
import { createTestDatabase, postgresReachable } from '../test/database';
import { type RunningServer, startServer } from '../test/server';
import { uploadThroughput } from './bench-attachments';
import { telegramIdleGroup, telegramLatency } from './bench-telegram';
import { bundleWidget } from './widget-bundles';
import { describeSizes } from './widget-sizes';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 200);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);
const AUTH_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? Number.NaN)}  (n=${sorted.length})`;
}

function serverRssBytes(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.pid()}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Conversations and their tokens, inserted directly: the bench measures sockets, not setup. */
async function seedConversations(url: string, count: number) {
  process.env.AUTH_SECRET = AUTH_SECRET;
  const handle = openDatabase({ url, dataDir: '/tmp' });
  const rows = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into conversations (codename, status)
      select 'Bench #' || g || '-' || md5(random()::text), 'open_unclaimed'
      from generate_series(1, ${count}) g
      returning id`),
  );
  await handle.close();
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, token: await signCustomerToken(r.id, 1) })),
  );
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/customer`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      timeout: 30_000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectAll(url: string, tokens: string[], batch = 250): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    sockets.push(...(await Promise.all(tokens.slice(i, i + batch).map((t) => connect(url, t)))));
  }
  return sockets;
}

async function throughput(server: RunningServer, url: string) {
  const conversations = await seedConversations(url, SENDERS);
  const sockets = await connectAll(
    server.url,
    conversations.map((c) => c.token),
  );
  const sentAt = new Map<string, number>();
  const ackLatency: number[] = [];
  const broadcastLatency: number[] = [];
  for (const socket of sockets) {
    socket.on('message', (message: Message) => {
      const started = message.clientId ? sentAt.get(message.clientId) : undefined;
      if (started !== undefined) broadcastLatency.push(performance.now() - started);
    });
  }

  const total = Math.round(RATE * SECONDS);
  const intervalMs = 1000 / RATE;
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const began = performance.now();
  for (let i = 0; i < total; i++) {
    const due = began + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const socket = sockets[i % sockets.length]!;
    const clientId = `bench-${i}`;
    const started = performance.now();
    sentAt.set(clientId, started);
    inFlight.push(
      socket
        .timeout(30_000)
        .emitWithAck('message:send', { clientId, text: `Benchmark message ${i}` })
        .then((ack: { ok: boolean }) => {
          if (ack.ok) ackLatency.push(performance.now() - started);
          else failures++;
        })
        .catch(() => {
          failures++;
        }),
    );
  }
  const sendSeconds = (performance.now() - began) / 1000;
  await Promise.all(inFlight);
  const allAckedSeconds = (performance.now() - began) / 1000;
  const deadline = Date.now() + 10_000;
  while (broadcastLatency.length < ackLatency.length && Date.now() < deadline) await sleep(20);

  const handle = openDatabase({ url, dataDir: '/tmp' });
  const [stored] = rowsOf<{ count: number }>(
    await handle.db.execute(sql`select count(*)::int as count from messages`),
  );
  await handle.close();
  for (const socket of sockets) socket.close();

  console.log(
    `\n== customer messages over /customer sockets (${SENDERS} senders, target ${RATE} msg/s for ${SECONDS} s)`,
  );
  console.log(
    `sent ${total} in ${sendSeconds.toFixed(2)} s, all acknowledged after ${allAckedSeconds.toFixed(2)} s`,
  );
  console.log(
    `persisted: ${stored?.count} messages, ${(Number(stored?.count) / allAckedSeconds).toFixed(0)} msg/s held; failures: ${failures}`,
  );
  console.log(summary('ack latency (persisted, then acknowledged)', ackLatency));
  console.log(
    summary('broadcast latency (send → message event via the dispatcher)', broadcastLatency),
  );
}

async function idleSockets(server: RunningServer, url: string) {
  const conversations = await seedConversations(url, IDLE);
  await sleep(1000);
  const before = serverRssBytes(server);
  const began = performance.now();
  const sockets = await connectAll(
    server.url,
    conversations.map((c) => c.token),
  );
  const connectSeconds = (performance.now() - began) / 1000;
  await sleep(5000);
  const after = serverRssBytes(server);
  const connected = sockets.filter((s) => s.connected).length;
  for (const socket of sockets) socket.close();
  console.log(`\n== ${IDLE} idle widget sockets`);
  console.log(`connected ${connected} in ${connectSeconds.toFixed(1)} s`);
  console.log(
    `server RSS ${(before / 2 ** 20).toFixed(0)} MiB → ${(after / 2 ** 20).toFixed(0)} MiB: ${((after - before) / connected / 1024).toFixed(1)} KiB per idle socket`,
  );
}

// ---- Inbox: customer message → agent socket, and the inbox's first page at scale ----
//   BENCH_INBOX_CONVERSATIONS (100000)  BENCH_AGENT_RATES (100,200,<BENCH_RATE>: one run each)

const INBOX_CONVERSATIONS = Number(process.env.BENCH_INBOX_CONVERSATIONS ?? 100_000);
const AGENT_RATES = (process.env.BENCH_AGENT_RATES ?? `100,200,${RATE}`)
  .split(',')
  .map(Number)
  .filter((rate) => rate > 0);

/** An agent row and the session cookie the inbox would carry. */
async function benchAgentCookie(url: string): Promise<{ agentId: string; cookie: string }> {
  const { encode } = await import('next-auth/jwt');
  const handle = openDatabase({ url, dataDir: '/tmp' });
  const [row] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into agents (name, email, role) values ('Bench agent', ${`bench-${Date.now()}@example.com`}, 'agent')
      returning id`),
  );
  // A session as sign-in opens one: the inbox's socket checks it on connect.
  const [session] = rowsOf<{ id: string }>(
    await handle.db.execute(
      sql`insert into agent_sessions (agent_id) values (${row!.id}) returning id`,
    ),
  );
  await handle.close();
  const token = await encode({
    token: { sub: row!.id, sid: session!.id, sv: 1 },
    secret: AUTH_SECRET,
  });
  return { agentId: row!.id, cookie: `next-auth.session-token=${token}` };
}

/**
 * Customer sockets send at a sustained rate; an agent socket times each message's arrival.
 * With `customerServers`, the customers are spread over those instances (round robin) while
 * the agent stays on `server`: every message crosses the Socket.IO adapter.
 */
async function agentDelivery(
  server: RunningServer,
  url: string,
  rate: number,
  customerServers: RunningServer[] = [server],
) {
  const { cookie } = await benchAgentCookie(url);
  const agent = io(`${server.url}/agent`, {
    // Its own connection: a shared one would carry a customer's handshake, without the cookie.
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie },
  });
  await new Promise<void>((resolve, reject) => {
    agent.once('connect', () => resolve());
    agent.once('connect_error', reject);
  });
  const conversations = await seedConversations(url, SENDERS);
  const sockets = (
    await Promise.all(
      customerServers.map((instance, n) =>
        connectAll(
          instance.url,
          conversations.filter((_, i) => i % customerServers.length === n).map((c) => c.token),
        ),
      ),
    )
  ).flat();
  const sentAt = new Map<string, number>();
  const latency: number[] = [];
  let lastArrival = 0;
  agent.on('message', (message: Message) => {
    const started = message.clientId ? sentAt.get(message.clientId) : undefined;
    if (started === undefined) return;
    lastArrival = performance.now();
    latency.push(lastArrival - started);
  });

  const total = Math.round(rate * SECONDS);
  const intervalMs = 1000 / rate;
  let failures = 0;
  const acks: Promise<void>[] = [];
  const began = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = began + i * intervalMs - performance.now();
    if (wait > 1) await sleep(wait);
    const clientId = `agent-bench-${rate}-${i}`;
    sentAt.set(clientId, performance.now());
    acks.push(
      sockets[i % sockets.length]!.timeout(30_000)
        .emitWithAck('message:send', { clientId, text: `Inbox benchmark ${i}` })
        .then((ack: { ok: boolean }) => {
          if (!ack.ok) failures++;
        })
        .catch(() => {
          failures++;
        }),
    );
  }
  const sendSeconds = (performance.now() - began) / 1000;
  await Promise.all(acks);
  const deadline = Date.now() + 10_000;
  while (latency.length < total - failures && Date.now() < deadline) await sleep(20);
  agent.close();
  for (const socket of sockets) socket.close();

  const deliveredSeconds = ((lastArrival || performance.now()) - began) / 1000;
  const where =
    customerServers.length > 1
      ? `customers on ${customerServers.length} instances, the agent on one`
      : 'one instance';
  console.log(
    `\n== customer message → agent socket (/agent, persisted first, ${where}; target ${rate} msg/s for ${SECONDS} s)`,
  );
  console.log(
    `sent ${total} in ${sendSeconds.toFixed(2)} s (${(total / sendSeconds).toFixed(0)} msg/s sent); delivered ${latency.length} to the agent, ${(latency.length / deliveredSeconds).toFixed(0)} msg/s held; failures: ${failures}`,
  );
  console.log(summary('agent delivery latency (send → agent socket)', latency));
}

/** 100,000 conversations with a message each, then the first inbox page of every view. */
async function inboxFirstPage(server: RunningServer, url: string) {
  const { agentId, cookie } = await benchAgentCookie(url);
  const handle = openDatabase({ url, dataDir: '/tmp' });
  const seeding = performance.now();
  await handle.db.execute(sql`
    with seeded as (
      insert into conversations (codename, status, assigned_agent_id, customer_name, last_seq, last_activity_at, created_at)
      select 'Inbox bench #' || g,
             (array['closed','closed','closed','closed','awaiting_customer','awaiting_customer','awaiting_customer','open_unclaimed','open_unclaimed','open_assigned','blocked'])[1 + g % 11],
             case when g % 11 in (4, 5, 6, 9) and g % 7 = 0 then ${agentId}::uuid end,
             'Customer ' || g,
             1,
             now() - (g * interval '7 seconds'),
             now() - (g * interval '7 seconds')
      from generate_series(1, ${INBOX_CONVERSATIONS}) g
      returning id, last_activity_at
    )
    insert into messages (conversation_id, seq, author, text, created_at)
    select id, 1, 'customer', 'Hello, I have a question about my order', last_activity_at from seeded`);
  await handle.db.execute(sql`analyze`);
  await handle.close();
  const seededSeconds = (performance.now() - seeding) / 1000;

  console.log(
    `\n== inbox first page (${INBOX_CONVERSATIONS} conversations seeded in ${seededSeconds.toFixed(1)} s; GET /api/v1/agent/conversations?limit=50 over loopback, 50 requests per view)`,
  );
  for (const view of ['open', 'unclaimed', 'mine', 'closed', 'blocked']) {
    const samples: number[] = [];
    for (let i = 0; i < 55; i++) {
      const started = performance.now();
      const response = await fetch(
        `${server.url}/api/v1/agent/conversations?view=${view}&limit=50`,
        {
          headers: { cookie },
        },
      );
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`inbox ${view} answered ${response.status}`);
      // The first few warm the route handler and the connection pool.
      if (i >= 5) samples.push(performance.now() - started);
    }
    console.log(summary(`first page, view=${view.padEnd(9)}`, samples));
  }
  const counts: number[] = [];
  for (let i = 0; i < 25; i++) {
    const started = performance.now();
    await (
      await fetch(`${server.url}/api/v1/agent/conversations/counts`, { headers: { cookie } })
    ).arrayBuffer();
    if (i >= 5) counts.push(performance.now() - started);
  }
  console.log(summary('view counts (all five + unread)', counts));
}

// ---- end of the inbox section ----

// ---- the widget's weight (DESIGN §10), with and without the attachment UI ----

async function widgetWeight() {
  console.log('\n== widget bytes (minified, gzip -9)');
  for (const line of describeSizes(await bundleWidget()).lines) console.log(line);
}

async function main() {
  // Against a server started by hand (e.g. under a profiler): BENCH_URL and BENCH_DATABASE_URL.
  if (process.env.BENCH_URL && process.env.BENCH_DATABASE_URL) {
    const server = {
      url: process.env.BENCH_URL,
      port: Number(new URL(process.env.BENCH_URL).port),
    };
    await throughput(server as RunningServer, process.env.BENCH_DATABASE_URL);
    return;
  }
  if (!(await postgresReachable())) {
    console.error(
      'The benchmark needs PostgreSQL: set TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).',
    );
    process.exit(1);
  }
  await widgetWeight();
  const database = await createTestDatabase('bench');
  const server = await startServer({
    database,
    env: { AUTH_SECRET, LOG_LEVEL: 'warn', WIDGET_ALLOWED_ORIGINS: '*' },
  });
  console.log(`Parley ${server.url} on PostgreSQL (${database.url?.replace(/\/\/[^@]*@/, '//')})`);
  try {
    // Idle sockets first, on a fresh process, so the RSS it reports is theirs alone.
    await idleSockets(server, database.url!);
    await throughput(server, database.url!);
    for (const rate of AGENT_RATES) await agentDelivery(server, database.url!, rate);
    // A second instance on the same database (the PostgreSQL adapter between them), at the
    // highest rate: on 2 cores the instances share the CPU, so the sum does not double.
    const second = await startServer({
      database,
      env: { AUTH_SECRET, LOG_LEVEL: 'warn', WIDGET_ALLOWED_ORIGINS: '*' },
    });
    try {
      await agentDelivery(server, database.url!, Math.max(...AGENT_RATES), [server, second]);
    } finally {
      await second.stop();
    }
    await inboxFirstPage(server, database.url!);
  } finally {
    await server.dispose();
  }

  // ---- Telegram: customer → Telegram latency, on a server of its own (scripts/bench-telegram.ts)
  await telegramLatency();
  await telegramIdleGroup();

  // ---- Attachments: upload throughput of a 5 MB file (scripts/bench-attachments.ts)
  await uploadThroughput();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
