// A database outage against the real server: PostgreSQL behind a TCP proxy that is cut for
// ten seconds. Requests get 503 `unavailable` with Retry-After (HTTP) or an `unavailable`
// ack (socket) instead of hanging, /readyz names the cause in a few words, the server
// recovers by itself once the database answers, and nothing that was acknowledged is lost.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/lib/contracts/dto';
import { api, CustomerClient } from './customer-client';
import type { RunningServer } from './server';
import { startServer } from './server';
import { TcpProxy } from './tcp-proxy';
import { fileDatabase } from './telegram';

let proxy: TcpProxy;
let server: RunningServer;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  for (let tries = 0; tries < 200; tries++) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  const database = fileDatabase();
  const target = new URL(database.url!);
  proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  await proxy.start();
  const proxied = new URL(database.url!);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  server = await startServer({ database: { ...database, url: proxied.toString() } });
});

afterAll(async () => {
  await server?.dispose();
  await proxy?.stop();
});

describe('a database outage', () => {
  it('answers 503 unavailable while cut, recovers by itself, and loses nothing acknowledged', async () => {
    const customer = await CustomerClient.start(server.url, { name: 'Olga' });
    await customer.connect();
    const acknowledged: string[] = [];
    const before = (await customer.send('before the outage')) as { ok: boolean; message: Message };
    expect(before.ok).toBe(true);
    acknowledged.push(before.message.id);

    proxy.cut();
    const cutAt = Date.now();

    const rest = await api(
      `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      {
        method: 'POST',
        token: customer.token,
        body: { text: 'during the outage (REST)', clientId: 'outage-rest-1' },
      },
    );
    expect(rest).toMatchObject({
      status: 503,
      body: { error: { code: 'unavailable', message: expect.any(String) } },
    });
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);

    const ack = await customer.send('during the outage (socket)', 'outage-socket-1');
    expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    const started = await api(`${server.url}/api/v1/conversations`, { method: 'POST', body: {} });
    expect(started).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });

    const ready = await api<Record<string, string>>(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBeTruthy();
    expect(['not answering', 'unreachable']).toContain(ready.body.database);

    // The rest of the ten seconds.
    await sleep(Math.max(0, 10_000 - (Date.now() - cutAt)));
    proxy.restore();

    await until('readiness again', async () => {
      const again = await api<{ database: string }>(`${server.url}/readyz`);
      return again.status === 200 ? again : undefined;
    });

    // The client tries again with the same clientIds: each message lands exactly once.
    const retried = await api<{ message: Message }>(
      `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      {
        method: 'POST',
        token: customer.token,
        body: { text: 'during the outage (REST)', clientId: 'outage-rest-1' },
      },
    );
    expect([200, 201]).toContain(retried.status);
    acknowledged.push(retried.body.message.id);
    const resent = await until('the socket back', async () => {
      const result = (await customer.send('during the outage (socket)', 'outage-socket-1')) as {
        ok: boolean;
        message?: Message;
      };
      return result.ok ? result : undefined;
    });
    acknowledged.push(resent.message!.id);

    const history = await customer.history();
    const customerMessages = history.body.messages.filter((m) => m.author === 'customer');
    expect(customerMessages.map((m) => m.id)).toEqual(acknowledged);
    expect(customerMessages.map((m) => m.seq)).toEqual(
      [...customerMessages.map((m) => m.seq)].sort((a, b) => a - b),
    );

    // Quiet background work: one line when the outage starts per worker, not one a second.
    const logs = server.logs();
    const outageLines = logs.split('\n').filter((line) => line.includes('is not answering'));
    expect(outageLines.length).toBeLessThanOrEqual(6);
    expect(logs).not.toMatch(/Failed query|insert into|select .* from/i);
    customer.close();
  });

  it('keeps working for a new visitor after the outage', async () => {
    const visitor = await CustomerClient.start(server.url, { visitorId: randomUUID() });
    await visitor.connect();
    const sent = await visitor.send('hello after the outage');
    expect(sent).toMatchObject({ ok: true });
    visitor.close();
  });
});
