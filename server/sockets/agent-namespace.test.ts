import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentConversation, Message } from '@/lib/contracts';
import { addSignedInAgent, connectAgentSocket, signInOverHttp } from '@/test/agent-session';
import { api, CustomerClient, eventually } from '@/test/customer-client';
import * as files from '@/test/files';
import { type RunningServer, startServer, TEST_ADMIN } from '@/test/server';

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

async function connectAgent(cookie?: string, origin?: string): Promise<Socket> {
  const socket = await connectAgentSocket(server.url, { cookie, origin });
  sockets.push(socket);
  return socket;
}

const addAgent = (name: string) => addSignedInAgent(server.url, adminCookie, name);

describe('/agent namespace', () => {
  it('refuses a connection without a valid session with `unauthorized`', async () => {
    await expect(connectAgent()).rejects.toThrow('unauthorized');
    await expect(connectAgent('next-auth.session-token=forged')).rejects.toThrow('unauthorized');
  });

  it('delivers customer messages and list changes live; agent typing reaches the customer', async () => {
    const agent = await connectAgent(adminCookie);
    const messages: Message[] = [];
    const changed: AgentConversation[] = [];
    agent.on('message', (m: Message) => messages.push(m));
    agent.on('conversations', ({ conversations }: { conversations: AgentConversation[] }) =>
      changed.push(...conversations),
    );
    const customer = await CustomerClient.start(server.url, { name: 'Maria' });
    await customer.connect();
    const typing: unknown[] = [];
    customer.socket!.on('typing', (payload: unknown) => typing.push(payload));

    await customer.send('Hello, anyone there?');
    await eventually(() => messages.find((m) => m.text === 'Hello, anyone there?'), 'the message');
    await eventually(
      () =>
        changed.find(
          (c) => c.id === customer.conversationId && c.lastMessage?.text === 'Hello, anyone there?',
        ),
      'the list change',
    );

    agent.emit('viewing', { conversationId: customer.conversationId });
    agent.emit('typing', { conversationId: customer.conversationId, typing: true });
    await eventually(() => typing.length > 0, 'typing on the customer side');
    expect(typing[0]).toEqual({ typing: true, name: 'ann' });

    const note = await agent.emitWithAck('note:add', {
      conversationId: customer.conversationId,
      text: 'Private: VIP',
    });
    expect(note).toMatchObject({ ok: true, note: { text: 'Private: VIP' } });
    const reply = await agent.emitWithAck('message:send', {
      conversationId: customer.conversationId,
      text: 'Hi Maria!',
    });
    expect(reply).toMatchObject({ ok: true, message: { author: 'agent', text: 'Hi Maria!' } });
    await eventually(() => customer.received.find((m) => m.text === 'Hi Maria!'), 'the reply');
    expect(customer.received.map((m) => m.text)).not.toContain('Private: VIP');
    customer.close();
  });

  it('carries files both ways, each side with links made for it', async () => {
    const agent = await connectAgent(adminCookie);
    const live: Message[] = [];
    agent.on('message', (message: Message) => live.push(message));
    const customer = await CustomerClient.start(server.url);
    await customer.connect();
    await customer.sendFiles('My receipt', { name: 'receipt.pdf', bytes: files.pdf() });
    const seen = await eventually(
      () => live.find((m) => m.attachments[0]?.name === 'receipt.pdf'),
      'the customer’s file in the inbox',
    );
    const agentLink = new URL(seen.attachments[0]!.url);
    expect(agentLink.searchParams.get('for')).toBe('agents');
    expect((await fetch(agentLink)).status).toBe(401);
    const opened = await fetch(agentLink, { headers: { cookie: adminCookie } });
    expect(Buffer.from(await opened.arrayBuffer()).equals(files.pdf())).toBe(true);

    const form = files.multipart({ name: 'steps.png', bytes: await files.png() });
    const uploaded = await fetch(
      `${server.url}/api/v1/agent/conversations/${customer.conversationId}/attachments`,
      { method: 'POST', headers: { cookie: adminCookie }, body: form },
    );
    expect(uploaded.status).toBe(201);
    const { attachment } = await uploaded.json();
    const reply = await agent.emitWithAck('message:send', {
      conversationId: customer.conversationId,
      text: '',
      attachmentIds: [attachment.id],
    });
    expect(reply).toMatchObject({
      ok: true,
      message: { text: '', attachments: [{ id: attachment.id }] },
    });
    const received = await eventually(
      () => customer.received.find((m) => m.attachments[0]?.id === attachment.id),
      'the agent’s file on the customer socket',
    );
    expect(new URL(received.attachments[0]!.url).searchParams.get('for')).toBe('customer.1');
    expect((await fetch(received.attachments[0]!.thumbnailUrl!)).status).toBe(200);
    customer.close();
  });

  it('refuses a reply in a conversation another agent holds, until taken over', async () => {
    const ben = await addAgent('Ben');
    const benSocket = await connectAgent(ben.cookie);
    const annSocket = await connectAgent(adminCookie);
    const customer = await CustomerClient.start(server.url);
    await customer.connect();
    await customer.send('Help please');
    const claimed = await annSocket.emitWithAck('conversation:claim', {
      conversationId: customer.conversationId,
    });
    expect(claimed).toMatchObject({ ok: true, conversation: { assignee: { name: 'ann' } } });

    const refused = await benSocket.emitWithAck('message:send', {
      conversationId: customer.conversationId,
      text: 'Ben here',
    });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Claimed by ann/) },
    });
    const invalid = await benSocket.emitWithAck('message:send', { conversationId: 'x', text: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    customer.close();
  });

  it('drops the sockets of an agent who is disabled, and refuses them afterwards', async () => {
    const cleo = await addAgent('Cleo');
    const socket = await connectAgent(cleo.cookie);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const disabled = await api(`${server.url}/api/v1/agent/agents/${cleo.id}`, {
      method: 'PATCH',
      headers: { cookie: adminCookie },
      body: { active: false },
    });
    expect(disabled.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    await expect(connectAgent(cleo.cookie)).rejects.toThrow('unauthorized');
    const session = await api(`${server.url}/api/v1/agent/me`, {
      headers: { cookie: cleo.cookie },
    });
    expect(session.status).toBe(401);
  });

  it('gives an agent session 403 on the admin API and an admin session 200', async () => {
    const dan = await addAgent('Dan');
    const asAgent = await api(`${server.url}/api/v1/admin/conversations`, {
      headers: { cookie: dan.cookie },
    });
    expect(asAgent).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const asAdmin = await api(`${server.url}/api/v1/admin/conversations`, {
      headers: { cookie: adminCookie },
    });
    expect(asAdmin.status).toBe(200);
  });

  it('refuses an agent socket from a foreign origin, even with the widget open to any site', async () => {
    await expect(connectAgent(adminCookie, 'https://evil.example')).rejects.toThrow('forbidden');
    const inbox = await connectAgent(adminCookie, server.url);
    expect(inbox.connected).toBe(true);
    const foreign = await api(`${server.url}/api/v1/agent/me`, {
      headers: { cookie: adminCookie, origin: 'https://evil.example' },
    });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('ends every session and socket at a password reset; the new password works', async () => {
    const eve = await addAgent('Eve');
    const socket = await connectAgent(eve.cookie);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const reset = await api(`${server.url}/api/v1/agent/agents/${eve.id}/password`, {
      method: 'POST',
      headers: { cookie: adminCookie },
      body: { password: 'a brand new password' },
    });
    expect(reset.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    const old = await api(`${server.url}/api/v1/agent/me`, { headers: { cookie: eve.cookie } });
    expect(old).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    await expect(connectAgent(eve.cookie)).rejects.toThrow('unauthorized');
  });

  it('signs out one browser on sign-out, and every browser on "sign out everywhere"', async () => {
    const fay = await addAgent('Fay');
    const email = (
      await api<{ profile: { email: string } }>(`${server.url}/api/v1/agent/me`, {
        headers: { cookie: fay.cookie },
      })
    ).body.profile.email;
    const second = await signInOverHttp(server.url, email, 'correct horse battery');
    const third = await signInOverHttp(server.url, email, 'correct horse battery');

    // next-auth's own sign-out, as the menu's "Sign out" does.
    const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: fay.cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    await fetch(`${server.url}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `${fay.cookie}; ${csrfCookie}`,
      },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    const me = (cookie: string) => api(`${server.url}/api/v1/agent/me`, { headers: { cookie } });
    expect((await me(fay.cookie)).status).toBe(401);
    expect((await me(second)).status).toBe(200);

    const socket = await connectAgent(third);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const everywhere = await api(`${server.url}/api/v1/agent/me/sessions`, {
      method: 'DELETE',
      headers: { cookie: second },
    });
    expect(everywhere).toMatchObject({ status: 200, body: { signedOut: true } });
    expect(await dropped).toBe('io server disconnect');
    expect((await me(second)).status).toBe(401);
    expect((await me(third)).status).toBe(401);
  });
});
