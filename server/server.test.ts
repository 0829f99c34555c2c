// The real server in a child process, used as widgets and integrations use it.

import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../lib/contracts';
import { admin, api, CustomerClient, eventually } from '../test/customer-client';
import { type RunningServer, startServer, TEST_ADMIN } from '../test/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

const reply = (conversationId: string, text: string) =>
  admin(server.url, `/conversations/${conversationId}/messages`, {
    text,
    agentEmail: TEST_ADMIN.email,
  });

describe('the custom server', () => {
  it('answers health and readiness', async () => {
    expect((await api(`${server.url}/healthz`)).status).toBe(200);
    const ready = await api(`${server.url}/readyz`);
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'ok', migrations: 'ok', telegram: 'off', email: 'off' },
    });
  });

  it('keeps two customers in two conversations apart', async () => {
    const alice = await CustomerClient.start(server.url, { name: 'Alice' });
    const bob = await CustomerClient.start(server.url, { name: 'Bob' });
    await alice.connect();
    await bob.connect();

    const fromAlice = await alice.send('Alice here');
    const fromBob = await bob.send('Bob here');
    await reply(alice.conversationId, 'Hello Alice');
    await reply(bob.conversationId, 'Hello Bob');

    await eventually(() => alice.received.length === 2 && bob.received.length === 2, 'replies');
    expect(fromAlice).toMatchObject({ ok: true, message: { seq: 1, text: 'Alice here' } });
    expect(fromBob).toMatchObject({ ok: true, message: { seq: 1, text: 'Bob here' } });
    expect(alice.received.map((m) => m.text)).toEqual(['Alice here', 'Hello Alice']);
    expect(bob.received.map((m) => m.text)).toEqual(['Bob here', 'Hello Bob']);
    expect(alice.received.every((m) => m.conversationId === alice.conversationId)).toBe(true);
    alice.close();
    bob.close();
  });

  it('refuses a socket with a bad token, naming the code', async () => {
    const socket = io(`${server.url}/customer`, {
      auth: { token: 'not-a-token' },
      transports: ['websocket'],
      reconnection: false,
    });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    socket.close();
  });

  it('shows banner-only system messages as notices on the widget socket, within their rate limit', async () => {
    const customer = await CustomerClient.start(server.url);
    const socket = await customer.connect();
    const notices: { key: string; text: string }[] = [];
    socket.on('notice', (notice) => notices.push(notice));

    await customer.send('Anyone?');
    await customer.send('Hello?');
    await eventually(
      () => notices.some((n) => n.key === 'waiting_for_agent'),
      'the waiting notice',
    );
    await eventually(() => customer.received.length === 2, 'both messages back');
    // The waiting note is a banner only: not in the transcript, and once per rate-limit window.
    expect(notices.filter((n) => n.key === 'waiting_for_agent')).toHaveLength(1);
    expect(customer.received.map((m) => m.author)).toEqual(['customer', 'customer']);
    expect((await customer.history()).body.messages).toHaveLength(2);
    customer.close();
  });

  it('acknowledges bad socket input with the error shape, and duplicates with the same message', async () => {
    const customer = await CustomerClient.start(server.url);
    await customer.connect();
    expect(await customer.socket!.emitWithAck('message:send', { text: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await customer.send('x'.repeat(4001))).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
    const first = await customer.send('Once', 'same-key');
    const second = await customer.send('Once', 'same-key');
    expect(second).toEqual(first);
    await eventually(() => customer.received.length === 1 && customer.received, 'the broadcast');
    expect((await customer.history()).body.messages).toHaveLength(1);
    customer.close();
  });

  it('survives a restart: a disconnected customer catches up with ?after= exactly once', async () => {
    const customer = await CustomerClient.start(server.url);
    const socket = await customer.connect();
    await customer.send('Before the restart');
    await reply(customer.conversationId, 'Reply before the restart');
    await eventually(() => customer.received.length === 2, 'messages before the restart');
    const lastSeen = Math.max(...customer.received.map((m) => m.seq));

    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(await server.stop()).toBe(0);
    await disconnected;

    await server.restart();
    // While the customer is still reconnecting, the agent writes twice.
    await reply(customer.conversationId, 'Written while you were away');
    await reply(customer.conversationId, 'And once more');
    await eventually(() => socket.connected, 'the reconnect', 20_000);

    const { body } = await customer.history(lastSeen);
    const seen = new Map<string, Message>(customer.received.map((m) => [m.id, m]));
    for (const message of body.messages) seen.set(message.id, message);
    const transcript = [...seen.values()].sort((a, b) => a.seq - b.seq);
    expect(transcript.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(body.messages.map((m) => m.text)).toEqual([
      'Written while you were away',
      'And once more',
    ]);

    const after = await customer.send('After the restart');
    expect(after).toMatchObject({ ok: true, message: { seq: 5 } });
    await eventually(
      () => customer.received.some((m) => m.seq === 5),
      'the live message after reconnecting',
    );
    expect(customer.received.filter((m) => m.seq === 5)).toHaveLength(1);
    customer.close();
  });

  it('shuts down gracefully on SIGTERM with every acknowledged message stored', async () => {
    const customer = await CustomerClient.start(server.url);
    await customer.connect({ reconnection: false });
    const sends = Array.from({ length: 20 }, (_, i) => customer.send(`Burst ${i}`));
    const stopped = server.stop('SIGTERM');
    const acks = await Promise.all(sends.map((p) => p.catch(() => ({ ok: false as const }))));
    expect(await stopped).toBe(0);
    expect(server.logs()).toContain('stopped');

    await server.restart();
    const acknowledged = acks.filter((a) => a.ok).length;
    const { body } = await customer.history();
    expect(body.messages.length).toBeGreaterThanOrEqual(acknowledged);
    expect(body.messages.map((m) => m.seq)).toEqual(body.messages.map((_, i) => i + 1));
    customer.close();
  });
});
