// Prometheus metrics (prom-client), one registry per process shared by the custom server and
// the route handlers. Counters and histograms are updated where things happen; gauges that
// describe the database (delivery lag, outbox depth, the pool) are read when /metrics is
// scraped.
import { sql } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Actor } from './actor';
import { database, db, rowsOf } from './db/client';
import { deliveryBacklog } from './events/deliveries';
import { logger } from './log';
import { settingsCacheStats } from './settings/cache';
import { processSingleton } from './singleton';

/** What the sockets and the pool look like now; the server registers it at boot. */
export interface LiveGauges {
  socketsByNamespace(): Record<string, number>;
}

const create = () => {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'parley' });
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });
  const live: { gauges: LiveGauges | null } = { gauges: null };

  const metrics = {
    registry,
    live,
    httpDuration: new Histogram({
      name: 'parley_http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status class',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    messages: new Counter({
      name: 'parley_messages_total',
      help: 'Messages stored, by who wrote them and where',
      labelNames: ['author', 'channel'] as const,
      registers: [registry],
    }),
    telegramRateLimited: new Counter({
      name: 'parley_telegram_rate_limited_total',
      help: 'Bot API calls answered 429 by Telegram',
      registers: [registry],
    }),
    telegramPacingWait: new Histogram({
      name: 'parley_telegram_pacing_wait_seconds',
      help: 'How long calls waited for their group’s pacing slot',
      buckets: [0, 0.1, 0.5, 1, 3, 10, 30, 60],
      registers: [registry],
    }),
    sweepDuration: new Histogram({
      name: 'parley_sweep_duration_seconds',
      help: 'Duration of the periodic sweeps (automation, retention, attachments)',
      labelNames: ['sweep'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    }),
  };

  new Gauge({
    name: 'parley_sockets',
    help: 'Connected sockets on this instance, by namespace',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [namespace, count] of Object.entries(live.gauges?.socketsByNamespace() ?? {})) {
        this.set({ namespace }, count);
      }
    },
  });

  new Counter({
    name: 'parley_settings_cache_reads_total',
    help: 'Settings and template reads, by whether memory answered (hit) or the database (miss)',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const { hits, misses } = settingsCacheStats();
      this.reset();
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
    },
  });

  const deliveryLag = new Gauge({
    name: 'parley_delivery_lag_seconds',
    help: 'Age of the oldest pending delivery, by channel (0 when none waits)',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const deadDeliveries = new Gauge({
    name: 'parley_dead_deliveries',
    help: 'Deliveries that gave up after their last attempt, by channel',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const outboxDepth = new Gauge({
    name: 'parley_telegram_outbox_depth',
    help: 'Telegram outbox rows waiting to be sent',
    registers: [registry],
  });
  const databaseUp = new Gauge({
    name: 'parley_database_up',
    help: '1 when the database answered the scrape’s queries',
    registers: [registry],
  });

  const poolMax = new Gauge({
    name: 'parley_database_pool_max',
    help: 'Connections this instance’s PostgreSQL pool may open',
    registers: [registry],
  });
  const poolConnections = new Gauge({
    name: 'parley_database_pool_connections',
    help: 'This instance’s open PostgreSQL connections, by state (active, idle, …)',
    labelNames: ['state'] as const,
    registers: [registry],
  });

  /** This instance's connections as PostgreSQL sees them (none for the embedded database). */
  async function readPool(): Promise<void> {
    const { pool } = database();
    if (!pool) return;
    const rows = rowsOf<{ state: string | null; count: number }>(
      await db().execute(sql`
        select state, count(*)::int as count from pg_stat_activity
        where application_name = ${pool.applicationName} group by state`),
    );
    poolMax.set(pool.max);
    poolConnections.reset();
    for (const state of ['active', 'idle', 'idle in transaction'])
      poolConnections.set({ state }, 0);
    for (const row of rows)
      poolConnections.set({ state: row.state ?? 'unknown' }, Number(row.count));
  }

  /** The database's side, read once per scrape (small queries over indexed rows). */
  async function readDatabase(): Promise<void> {
    try {
      const [backlog, outbox] = await Promise.all([
        deliveryBacklog(db()),
        db().execute(
          sql`select count(*)::int as depth from telegram_outbox where status = 'pending'`,
        ),
      ]);
      deliveryLag.reset();
      deadDeliveries.reset();
      for (const { channel, lag, dead } of backlog) {
        deliveryLag.set({ channel }, lag);
        deadDeliveries.set({ channel }, dead);
      }
      outboxDepth.set(Number(rowsOf<{ depth: number }>(outbox)[0]?.depth ?? 0));
      await readPool();
      databaseUp.set(1);
    } catch (error) {
      databaseUp.set(0);
      logger().warn({ err: error }, 'metrics could not read the database');
    }
  }

  return { ...metrics, readDatabase };
};

export const metrics = () => processSingleton('metrics', create);

const CHANNELS: Record<Actor['type'], string> = {
  customer: 'widget',
  agent: 'inbox',
  telegram: 'telegram',
  service: 'api',
  system: 'system',
};

/** Counts a stored message by its author and the channel its actor came through. */
export function countMessage(author: string, actor: Actor): void {
  metrics().messages.inc({ author, channel: CHANNELS[actor.type] ?? actor.type });
}

/** The Prometheus text of every metric, the database's gauges read first. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  await m.readDatabase();
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}

/** `/api/v1/conversations/<uuid>/messages` → `/api/v1/conversations/:id/messages`. */
export function routePattern(url: string): string {
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith('/_next/')) return '/_next/*';
  if (path.startsWith('/widget/')) return '/widget/*';
  return path
    .split('/')
    .map((part) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(part) ||
      /^\d+$/.test(part) ||
      /^[0-9a-f]{32}\.webp$/.test(part)
        ? ':id'
        : part,
    )
    .join('/')
    .slice(0, 120);
}
