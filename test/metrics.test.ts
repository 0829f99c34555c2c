// /metrics against the real server: Prometheus text behind METRICS_TOKEN, with what the
// deploy/grafana dashboard charts (requests by route pattern, sockets, messages by channel,
// delivery lag, the Telegram outbox, sweeps), and request ids handed back on every response.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerClient, eventually } from './customer-client';
import { postgresReachable } from './database';
import { type RunningServer, startServer } from './server';

const METRICS_TOKEN = 'metrics-token-0123456789';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { METRICS_TOKEN } });
});

afterAll(async () => {
  await server?.dispose();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of the series `name` whose labels include `labels` (in any order). */
function seriesValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z0-9_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('needs METRICS_TOKEN when it is set, in the error shape', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${server.url}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: expect.any(String) },
      });
    }
    const posted = await fetch(`${server.url}/metrics`, { method: 'POST' });
    expect(posted.status).toBe(405);
  });

  it('counts requests by route pattern, sockets, messages by channel and deliveries', async () => {
    const customer = await CustomerClient.start(server.url, { name: 'Mira' });
    await customer.connect();
    await customer.send('Counting this one');
    const text = await eventually(async () => {
      const scraped = await scrape();
      return seriesValue(scraped, 'parley_messages_total', {
        author: 'customer',
        channel: 'widget',
      })
        ? scraped
        : undefined;
    }, 'the message counted');

    expect(seriesValue(text, 'parley_sockets', { namespace: '/customer' })).toBe(1);
    const starts = seriesValue(text, 'parley_http_request_duration_seconds_count', {
      route: '/api/v1/conversations',
      method: 'POST',
      status: '2xx',
    });
    expect(starts).toBeGreaterThan(0);
    expect(text).not.toContain(customer.conversationId);
    expect(seriesValue(text, 'parley_database_up')).toBe(1);
    // The sockets are pushed live: no delivery rows, so no lag to report for them.
    expect(text).toContain('# TYPE parley_delivery_lag_seconds gauge');
    expect(
      seriesValue(text, 'parley_delivery_lag_seconds', { channel: 'agent-sockets' }),
    ).toBeUndefined();
    expect(seriesValue(text, 'parley_telegram_outbox_depth')).toBe(0);
    expect(text).toContain('parley_process_resident_memory_bytes');
    // The message path's settings came from the database once, then from memory.
    expect(
      seriesValue(text, 'parley_settings_cache_reads_total', { result: 'miss' }),
    ).toBeGreaterThan(0);
    if (await postgresReachable()) {
      // The pool: the scrape's own query holds one connection, so at least one is active.
      expect(seriesValue(text, 'parley_database_pool_max')).toBeGreaterThanOrEqual(2);
      expect(
        seriesValue(text, 'parley_database_pool_connections', { state: 'active' }),
      ).toBeGreaterThanOrEqual(1);
    }
    await customer.send('And this one');
    await eventually(
      async () =>
        seriesValue(await scrape(), 'parley_settings_cache_reads_total', { result: 'hit' }),
      'a settings read answered from memory',
    );
    customer.close();
  });

  it('keeps unknown addresses in one series', async () => {
    for (const junk of ['/nope-1', '/nope-2', '/api/v1/nope']) await fetch(`${server.url}${junk}`);
    const text = await scrape();
    expect(text).toContain('route="(unmatched)"');
    expect(text).not.toContain('nope');
  });

  it('hands each response a request id, keeping a proxy’s', async () => {
    const fresh = await fetch(`${server.url}/api/v1/widget/config`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${server.url}/api/v1/widget/config`, {
      headers: { 'x-request-id': 'edge-42.abc' },
    });
    expect(given.headers.get('x-request-id')).toBe('edge-42.abc');
    const forged = await fetch(`${server.url}/healthz`, {
      headers: { 'x-request-id': 'x'.repeat(500) },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves every series the shipped Grafana dashboard charts', async () => {
    const dashboard = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, '../deploy/grafana/parley-dashboard.json'),
        'utf8',
      ),
    ) as { panels: { title: string; targets: { expr: string }[] }[] };
    const text = await scrape();
    const names = new Set(
      text
        .split('\n')
        .filter((line) => line.startsWith('# TYPE '))
        .map((line) => line.split(' ')[2]!),
    );
    for (const panel of dashboard.panels) {
      for (const { expr } of panel.targets) {
        const used = expr.match(/parley_[a-z0-9_]+/g) ?? [];
        expect(used.length, panel.title).toBeGreaterThan(0);
        for (const name of used) {
          const family = name.replace(/_(bucket|count|sum)$/, '');
          expect(names.has(family) || names.has(name), `${panel.title}: ${name}`).toBe(true);
        }
      }
    }
  });
});
