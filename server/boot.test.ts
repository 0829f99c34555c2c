// Boot-time behaviour of the real server: configuration errors and edge policies.

import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CustomerClient } from '../test/customer-client';
import { type RunningServer, spawnServer, startServer } from '../test/server';

describe('configuration errors', () => {
  it('stops the boot with one line per problem', async () => {
    const { child, output } = spawnServer({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/parley',
      AUTH_SECRET: 'short',
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = output()
      .split('\n')
      .filter((line) => line.startsWith('config error: '));
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/PORT/);
    expect(lines.join('\n')).toMatch(/DATABASE_URL must start with postgres/);
    expect(lines.join('\n')).toMatch(/AUTH_SECRET must be at least 32 characters/);
  });
});

describe('edge policies in production', () => {
  let server: RunningServer;
  let customer: CustomerClient;
  const allowed = 'http://shop.example.test';

  beforeAll(async () => {
    server = await startServer({
      env: {
        WIDGET_ALLOWED_ORIGINS: allowed,
        RATE_LIMIT_CONVERSATIONS_PER_HOUR: '3',
        RATE_LIMIT_MESSAGES_PER_MINUTE: '3',
      },
    });
    customer = await CustomerClient.start(server.url);
  });

  afterAll(async () => {
    await server?.dispose();
  });

  it('answers CORS for allowed origins only', async () => {
    const ok = await fetch(`${server.url}/api/v1/widget/config`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'GET' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);

    const refused = await api(`${server.url}/api/v1/widget/config`, {
      headers: { origin: 'http://evil.example.test' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      error: { code: 'forbidden', message: 'Origin http://evil.example.test is not allowed' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const socket = io(`${server.url}/customer`, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'http://evil.example.test' },
    });
    await new Promise((resolve) => socket.once('connect_error', resolve));
    expect(socket.connected).toBe(false);
    socket.close();
  });

  it('rate-limits new conversations per IP with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof api>> | undefined;
    for (let i = 0; i < 3; i++) {
      const response = await api(`${server.url}/api/v1/conversations`, {
        method: 'POST',
        body: {},
        // Without TRUST_PROXY a forged X-Forwarded-For does not buy a fresh quota.
        headers: { 'x-forwarded-for': `10.0.0.${i + 1}` },
      });
      statuses.push(response.status);
      limited = response;
    }
    // One of the three per hour went to the conversation made before these tests.
    expect(statuses).toEqual([201, 201, 429]);
    expect(limited?.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rate-limits messages per conversation over sockets and REST alike', async () => {
    await customer.connect();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await customer.send(`Message ${i}`));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await customer.send('One too many')).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    const rest = await api(
      `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      {
        method: 'POST',
        token: customer.token,
        body: { text: 'Also too many', clientId: 'rest-1' },
      },
    );
    expect(rest.status).toBe(429);
    expect(rest.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await customer.history()).body.messages).toHaveLength(3);
    customer.close();
  });
});
