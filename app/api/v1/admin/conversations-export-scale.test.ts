// The filtered-set export at scale: 100,000 conversations streamed through the real route
// handler in bounded memory. Slow (about a minute), so it lives in a file of its own.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { apiRequest } from '@/test/api-requests';
import * as setExportRoute from './conversations/export.csv/route';

const COUNT = 100_000;
const MB = 1024 * 1024;

beforeAll(async () => {
  // One statement, so the setup takes seconds, not the minutes 100,000 service calls would.
  await db().execute(sql`
    insert into conversations (codename, customer_name, status, fields, last_seq,
                               created_at, last_activity_at)
    select 'Scale #' || g, 'Customer ' || g || ', "quoted"',
           case when g % 3 = 0 then 'closed' else 'open_unclaimed' end,
           jsonb_build_object('email', 'c' || g || '@example.com', 'plan', 'Pro'),
           g % 7,
           now() - make_interval(secs => g), now() - make_interval(secs => g)
    from generate_series(1, ${COUNT}) as g`);
}, 120_000);

describe('GET /admin/conversations/export.csv at 100,000 conversations', () => {
  it('streams every row in bounded memory', async () => {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let peakHeap = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peak = Math.max(peak, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    const sampler = setInterval(sample, 20);
    const startedAt = Date.now();

    const response = await setExportRoute.GET(
      apiRequest('GET', '/admin/conversations/export.csv?status=all', {
        token: env().serviceToken!,
      }),
    );
    expect(response.status).toBe(200);
    let rows = 0;
    let bytes = 0;
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    for await (const record of body.pipe(parse({ bom: true, from_line: 2 }))) {
      rows += 1;
      if (rows === 1) expect((record as string[])[5]).toBe('Customer 1, "quoted"');
    }
    clearInterval(sampler);
    sample();

    process.stdout.write(
      `export of ${rows} conversations: ${(bytes / MB).toFixed(1)} MB of CSV in ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s; RSS ${(baseline / MB).toFixed(0)} MB ` +
        `before, peak ${(peak / MB).toFixed(0)} MB (+${((peak - baseline) / MB).toFixed(0)} MB), ` +
        `peak heap ${(peakHeap / MB).toFixed(0)} MB\n`,
    );
    expect(rows).toBe(COUNT);
  }, 300_000);
});
