// Blocks that hold, against the real server: blocking a conversation drops the customer's
// sockets and revokes their token, nothing of theirs reaches agents afterwards, and a
// visitor block refuses a new start (403 `blocked`) before the rate limit counts it.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerConversation } from '@/lib/contracts/dto';
import { connectAgentSocket, signInOverHttp } from './agent-session';
import { admin, api, CustomerClient, eventually } from './customer-client';
import { type RunningServer, startServer, TEST_ADMIN } from './server';

let server: RunningServer;
let agent: Socket;

beforeAll(async () => {
  // Few starts allowed per IP: a blocked visitor's attempts must not use them up.
  server = await startServer({ env: { RATE_LIMIT_CONVERSATIONS_PER_HOUR: '3' } });
  const cookie = await signInOverHttp(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
  agent = await connectAgentSocket(server.url, { cookie });
});

afterAll(async () => {
  agent?.close();
  await server?.dispose();
});

describe('blocking a customer', () => {
  it('drops their socket, revokes their token, and a visitor block refuses a new start', async () => {
    const visitorId = randomUUID();
    const customer = await CustomerClient.start(server.url, { visitorId, name: 'Mallory' });
    const socket = await customer.connect({ reconnection: false });
    const typing: unknown[] = [];
    agent.on('customer:typing', (payload: { conversationId: string }) => {
      if (payload.conversationId === customer.conversationId) typing.push(payload);
    });
    agent.emit('viewing', { conversationId: customer.conversationId });
    await customer.send('hello');
    // Before the block, the customer's typing reaches the agent.
    socket.emit('typing', { typing: true });
    await eventually(() => typing.length > 0, 'typing before the block');

    const statuses: string[] = [];
    socket.on('conversation', (c: CustomerConversation) => statuses.push(c.status));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const blocked = await admin(server.url, `/conversations/${customer.conversationId}/block`, {});
    expect(blocked.status).toBe(200);
    // The visitor id alone (every test request comes from 127.0.0.1, so not the address).
    const visitorBlock = await admin(server.url, '/blocks', { visitorId, reason: 'abuse' });
    expect(visitorBlock.status).toBe(201);

    expect(await dropped).toBe('io server disconnect');
    expect(statuses).toContain('blocked');

    // The old token is dead: the socket is refused, REST answers 401.
    await expect(customer.connect({ reconnection: false })).rejects.toThrow('unauthorized');
    const write = await api(
      `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      {
        method: 'POST',
        token: customer.token,
        body: { text: 'let me in', clientId: randomUUID() },
      },
    );
    expect(write).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });

    // The same visitor cannot start again, however often it tries: 403, never 429.
    for (let attempt = 0; attempt < 5; attempt++) {
      const again = await api(`${server.url}/api/v1/conversations`, {
        method: 'POST',
        body: { visitorId },
      });
      expect(again).toMatchObject({ status: 403, body: { error: { code: 'blocked' } } });
    }
    // Those refusals did not spend the address's starts: another visitor still starts.
    const other = await api(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      body: { visitorId: randomUUID() },
    });
    expect(other.status).toBe(201);

    // The conversation's transcript shows nothing from after the block.
    const details = await admin<{ messages: { text: string }[] }>(
      server.url,
      `/conversations/${customer.conversationId}`,
    );
    expect(details.body.messages.map((m) => m.text)).not.toContain('let me in');
  });
});
