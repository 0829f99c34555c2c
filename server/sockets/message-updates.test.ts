// Quotes, edits and deletions against the real server: every edge (customer REST and
// socket, inbox socket and REST, admin API) takes them with the contract's errors, and
// `message:updated` reaches the customer's and the agents' sockets live.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/lib/contracts';
import { connectAgentSocket, signInOverHttp } from '@/test/agent-session';
import { api, CustomerClient, eventually } from '@/test/customer-client';
import { type RunningServer, startServer, TEST_ADMIN, TEST_SERVICE_TOKEN } from '@/test/server';

let server: RunningServer;
let adminCookie: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startServer();
  adminCookie = await signInOverHttp(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.dispose();
});

async function connectAgent(cookie: string): Promise<Socket> {
  const socket = await connectAgentSocket(server.url, { cookie });
  sockets.push(socket);
  return socket;
}

const inbox = (path: string, method: string, cookie: string, body?: unknown) =>
  api<{ message: Message; error?: { code: string } }>(`${server.url}/api/v1/agent${path}`, {
    method,
    headers: { cookie },
    body,
  });

async function addAgent(name: string): Promise<string> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`;
  const password = 'correct horse battery';
  const created = await api(`${server.url}/api/v1/agent/agents`, {
    method: 'POST',
    headers: { cookie: adminCookie },
    body: { name, email, password },
  });
  expect(created.status).toBe(201);
  return signInOverHttp(server.url, email, password);
}

describe('quotes, edits and deletions live', () => {
  it('pushes a quoted reply, its edit and its deletion to the customer and the inbox', async () => {
    const agent = await connectAgent(adminCookie);
    const agentUpdates: Message[] = [];
    agent.on('message:updated', (m: Message) => agentUpdates.push(m));
    const customer = await CustomerClient.start(server.url, { name: 'Maria' });
    await customer.connect();
    const customerUpdates: Message[] = [];
    customer.socket!.on('message:updated', (m: Message) => customerUpdates.push(m));
    const asked = await customer.send('Where is my parcel?');
    expect(asked.ok).toBe(true);
    const question = asked.message as Message;

    const ack = await agent.emitWithAck('message:send', {
      conversationId: customer.conversationId,
      text: 'It left on Monady',
      replyToId: question.id,
    });
    expect(ack).toMatchObject({ ok: true, message: { replyTo: { id: question.id } } });
    const reply = ack.message as Message;
    const pushed = await eventually(
      () => customer.received.find((m) => m.id === reply.id),
      'the reply at the customer',
    );
    // Agents learn who wrote it; the widget never gets agent ids.
    expect(reply.agentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(pushed.agentId).toBeUndefined();
    expect(pushed.replyTo).toEqual({
      id: question.id,
      seq: question.seq,
      author: 'customer',
      text: 'Where is my parcel?',
    });

    const edited = await agent.emitWithAck('message:edit', {
      conversationId: customer.conversationId,
      messageId: reply.id,
      text: 'It left on Monday',
    });
    expect(edited).toMatchObject({ ok: true, message: { text: 'It left on Monday' } });
    const seenEdit = await eventually(
      () => customerUpdates.find((m) => m.id === reply.id && m.editedAt),
      'the edit at the customer',
    );
    expect(seenEdit).toMatchObject({ seq: reply.seq, text: 'It left on Monday' });
    await eventually(
      () => agentUpdates.find((m) => m.id === reply.id && m.text === 'It left on Monday'),
      'the edit in the inbox',
    );

    // A quote of it, sent before it goes, then shows it deleted.
    const thanks = await customer.socket!.emitWithAck('message:send', {
      clientId: randomUUID(),
      text: 'Which carrier?',
      replyToId: reply.id,
    });
    expect(thanks).toMatchObject({ ok: true, message: { replyTo: { id: reply.id } } });

    // The customer was away for the deletion: the catch-up tells them.
    customer.close();
    const deleted = await inbox(
      `/conversations/${customer.conversationId}/messages/${reply.id}`,
      'DELETE',
      adminCookie,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body.message).toMatchObject({ id: reply.id, text: '', attachments: [] });
    await eventually(
      () => agentUpdates.find((m) => m.id === reply.id && m.deletedAt),
      'the deletion in the inbox',
    );
    const { body: caughtUp } = await customer.history(thanks.message.seq);
    expect(caughtUp.messages).toEqual([]);
    expect(caughtUp.updated).toEqual([
      expect.objectContaining({ id: reply.id, text: '', deletedAt: expect.any(String) }),
    ]);
    const { body: whole } = await customer.history();
    expect(whole.messages.find((m) => m.id === thanks.message.id)?.replyTo).toMatchObject({
      id: reply.id,
      text: '',
      deleted: true,
    });
  });

  it('answers the contract errors on every edge', async () => {
    const customer = await CustomerClient.start(server.url);
    const other = await CustomerClient.start(server.url);
    await customer.connect();
    await other.connect();
    const foreign = (await other.send('Not yours')).message as Message;
    const mine = (await customer.send('Hello')).message as Message;

    const rest = await api<{ error: { code: string; message: string } }>(
      `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
      {
        method: 'POST',
        token: customer.token,
        body: { text: 'Re', clientId: randomUUID(), replyToId: foreign.id },
      },
    );
    expect(rest).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_request', message: expect.stringContaining('replyToId') } },
    });
    const badId = await customer.socket!.emitWithAck('message:send', {
      clientId: randomUUID(),
      text: 'Re',
      replyToId: 'not-a-uuid',
    });
    expect(badId).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

    const admin = await connectAgent(adminCookie);
    const reply = (
      await admin.emitWithAck('message:send', {
        conversationId: customer.conversationId,
        text: 'Hi there',
      })
    ).message as Message;
    const bob = await addAgent('Bob');
    const path = `/conversations/${customer.conversationId}/messages/${reply.id}`;
    const notOwn = await inbox(path, 'PATCH', bob, { text: 'Hijacked' });
    expect(notOwn).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const customersMessage = await inbox(
      `/conversations/${customer.conversationId}/messages/${mine.id}`,
      'DELETE',
      bob,
    );
    expect(customersMessage).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const unknown = await inbox(
      `/conversations/${customer.conversationId}/messages/${foreign.id}`,
      'PATCH',
      adminCookie,
      { text: 'x' },
    );
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const badBody = await inbox(path, 'PATCH', adminCookie, { text: 'x', extra: 1 });
    expect(badBody).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });

    // The admin API: an edit as the author named by email, a deletion as moderation.
    const adminApi = (method: string, messageId: string, body?: unknown) =>
      api<{ message: Message; error?: { code: string } }>(
        `${server.url}/api/v1/admin/conversations/${customer.conversationId}/messages/${messageId}`,
        { method, token: TEST_SERVICE_TOKEN, body },
      );
    const edited = await adminApi('PATCH', reply.id, {
      text: 'Hi there!',
      agentEmail: TEST_ADMIN.email,
    });
    expect(edited).toMatchObject({ status: 200, body: { message: { text: 'Hi there!' } } });
    const moderated = await adminApi('DELETE', mine.id);
    expect(moderated).toMatchObject({ status: 200, body: { message: { id: mine.id, text: '' } } });
    const again = await adminApi('DELETE', mine.id);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const editGone = await adminApi('PATCH', mine.id, {
      text: 'x',
      agentEmail: TEST_ADMIN.email,
    });
    expect(editGone).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    customer.close();
    other.close();
  });
});
