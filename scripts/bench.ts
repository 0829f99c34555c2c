import { sql } from 'drizzle-orm';
import { io } from 'socket.io-client';
import type { Message } from '@/lib/contracts';
import { openDatabase } from '@/lib/db/client';
import { createEmbeddedDatabase, createTestDatabase, postgresReachable } from '../test/database';
import { type RunningServer, startServer } from '../test/server';
import { uploadThroughput } from './bench-attachments';
import {
  AUTH_SECRET,
  benchAgentCookie,
  connectAll,
  seedConversations,
  serverRssBytes,
  sleep,
  summary,
} from './bench-kit';
import { parleyPipeline, relayPipeline } from './bench-pipeline';
import { telegramIdleGroup, telegramLatency } from './bench-telegram';
import { bundleWidget } from './widget-bundles';
import { describeSizes } from './widget-sizes';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 200);
const IDLE = Number(process.env.BENCH_IDLE ?? 10_000);

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

// ---- Two instances: customer message → agent socket across the adapter; the inbox's
// first page at scale.
//   BENCH_RATE (1000 msg/s)  BENCH_SECONDS (10)  BENCH_INBOX_CONVERSATIONS (100000)

const INBOX_CONVERSATIONS = Number(process.env.BENCH_INBOX_CONVERSATIONS ?? 100_000);

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
    await parleyPipeline('Parley', server.url);
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
    await relayPipeline();
    await parleyPipeline('Parley on PostgreSQL', server.url);
    // A second instance on the same database (the PostgreSQL adapter between them): on 2
    // cores the instances share the CPU, so the sum does not double.
    const second = await startServer({
      database,
      env: { AUTH_SECRET, LOG_LEVEL: 'warn', WIDGET_ALLOWED_ORIGINS: '*' },
    });
    try {
      await agentDelivery(server, database.url!, RATE, [server, second]);
    } finally {
      await second.stop();
    }
    await inboxFirstPage(server, database.url!);
  } finally {
    await server.dispose();
  }

  // ---- The pipeline again on embedded PGlite (printed; DESIGN §10 budgets PostgreSQL)
  const embedded = await startServer({
    database: createEmbeddedDatabase('bench_pglite'),
    env: { AUTH_SECRET, LOG_LEVEL: 'warn', WIDGET_ALLOWED_ORIGINS: '*' },
  });
  try {
    await parleyPipeline('Parley on embedded PGlite', embedded.url);
  } finally {
    await embedded.dispose();
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
