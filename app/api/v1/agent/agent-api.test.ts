// The agent API through its route handlers: every authorisation rule (session, role,
// origin, claim), and what the inbox reads (views, unread, transcript pages).
import { describe, expect, it } from 'vitest';
import type { InboxCounts, InboxPage, TranscriptPage } from '@/lib/contracts/agent';
import { getCustomerHistory } from '@/lib/conversations/get-customer-history';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createConversation, nextClientId } from '@/test/factories';
import * as adminListRoute from '../admin/conversations/route';
import * as passwordRoute from './agents/[id]/password/route';
import * as agentRoute from './agents/[id]/route';
import * as agentsRoute from './agents/route';
import * as cannedItemRoute from './canned-responses/[id]/route';
import * as cannedRoute from './canned-responses/route';
import * as actionRoute from './conversations/[id]/[action]/route';
import * as messagesRoute from './conversations/[id]/messages/route';
import * as notesRoute from './conversations/[id]/notes/route';
import * as readRoute from './conversations/[id]/read/route';
import * as countsRoute from './conversations/counts/route';
import * as listRoute from './conversations/route';
import * as inviteRoute from './invites/[token]/route';
import * as meRoute from './me/route';

type As = { cookie?: string; origin?: string };

const request = (method: string, path: string, as: As, body?: unknown) =>
  apiRequest(method, path, {
    body,
    headers: {
      ...(as.cookie ? { cookie: as.cookie } : {}),
      ...(as.origin ? { origin: as.origin } : {}),
    },
  });

async function signedIn(
  role: 'admin' | 'agent',
  overrides: { name?: string; closingMessage?: string } = {},
) {
  const agent = await createAgent({ role, ...overrides });
  return { agent, as: { cookie: await sessionCookie(agent.id) } };
}

const list = (as: As, query = '') =>
  listRoute.GET(request('GET', `/agent/conversations?${query}`, as));
const reply = (id: string, as: As, text = 'Hello') =>
  messagesRoute.POST(
    request('POST', `/agent/conversations/${id}/messages`, as, { text }),
    routeParams({ id }),
  );
const act = (id: string, action: string, as: As) =>
  actionRoute.POST(
    request('POST', `/agent/conversations/${id}/${action}`, as),
    routeParams({ id, action }),
  );
const ids = async (response: Response) =>
  ((await response.json()) as InboxPage).conversations.map((c) => c.id);

describe('who may use the agent API', () => {
  it('answers 401 without a session, with a forged one, and for a disabled agent', async () => {
    const { agent, as } = await signedIn('agent');
    await expectError(await list({}), 401, 'unauthorized');
    await expectError(
      await list({ cookie: 'next-auth.session-token=forged' }),
      401,
      'unauthorized',
    );
    expect((await list(as)).status).toBe(200);

    const admin = await signedIn('admin');
    const disabled = await agentRoute.PATCH(
      request('PATCH', `/agent/agents/${agent.id}`, admin.as, { active: false }),
      routeParams({ id: agent.id }),
    );
    expect(disabled.status).toBe(200);
    await expectError(await list(as), 401, 'unauthorized');
  });

  it('refuses a state change from another origin with 403', async () => {
    const { as } = await signedIn('agent');
    const { conversation } = await createConversation();
    await expectError(
      await act(conversation.id, 'claim', { ...as, origin: 'https://evil.example' }),
      403,
      'forbidden',
    );
    expect(
      (await act(conversation.id, 'claim', { ...as, origin: 'http://localhost:3000' })).status,
    ).toBe(200);
  });

  it('gives an agent 403 on admin endpoints and an admin 200', async () => {
    const agent = await signedIn('agent');
    const admin = await signedIn('admin');
    // A password reset ends the sessions of the agent reset, so it targets someone else.
    const other = await signedIn('agent');
    const calls = [
      (as: As) => agentsRoute.GET(request('GET', '/agent/agents', as)),
      (as: As) =>
        agentsRoute.POST(
          request('POST', '/agent/agents', as, {
            name: 'Ben',
            email: `ben-${nextClientId()}@example.com`,
            password: 'correct horse battery',
          }),
        ),
      (as: As) =>
        cannedRoute.POST(
          request('POST', '/agent/canned-responses', as, {
            shortcut: `hi${nextClientId().slice(-6)}`,
            text: 'Hi!',
          }),
        ),
      (as: As) => adminListRoute.GET(request('GET', '/admin/conversations', as)),
      (as: As) =>
        passwordRoute.POST(
          request('POST', `/agent/agents/${other.agent.id}/password`, as),
          routeParams({ id: other.agent.id }),
        ),
    ];
    const canned = await (
      await cannedRoute.POST(
        request('POST', '/agent/canned-responses', admin.as, { shortcut: 'bye', text: 'Bye!' }),
      )
    ).json();
    const id = canned.cannedResponse.id as string;
    calls.push(
      (as: As) =>
        cannedItemRoute.PATCH(
          request('PATCH', `/agent/canned-responses/${id}`, as, {
            shortcut: 'bye',
            text: 'Bye now!',
          }),
          routeParams({ id }),
        ),
      (as: As) =>
        agentRoute.PATCH(
          request('PATCH', `/agent/agents/${agent.agent.id}`, as, { name: 'Renamed' }),
          routeParams({ id: agent.agent.id }),
        ),
    );
    for (const call of calls) {
      await expectError(await call(agent.as), 403, 'forbidden');
      expect((await call(admin.as)).status).toBeLessThan(300);
    }
    await expectError(
      await cannedItemRoute.DELETE(
        request('DELETE', `/agent/canned-responses/${id}`, agent.as),
        routeParams({ id }),
      ),
      403,
      'forbidden',
    );
    expect(
      (
        await cannedItemRoute.DELETE(
          request('DELETE', `/agent/canned-responses/${id}`, admin.as),
          routeParams({ id }),
        )
      ).status,
    ).toBe(204);
    // Everyone may read the canned responses.
    expect(
      (await cannedRoute.GET(request('GET', '/agent/canned-responses', agent.as))).status,
    ).toBe(200);
  });

  it('keeps an admin from disabling themselves', async () => {
    const { agent, as } = await signedIn('admin');
    await expectError(
      await agentRoute.PATCH(
        request('PATCH', `/agent/agents/${agent.id}`, as, { active: false }),
        routeParams({ id: agent.id }),
      ),
      409,
      'conflict',
    );
  });
});

describe('the claim rule', () => {
  it("refuses a reply in someone else's conversation with 409 until it is taken over", async () => {
    const ann = await signedIn('agent', { name: 'Ann' });
    const ben = await signedIn('agent', { name: 'Ben' });
    const { conversation } = await createConversation();
    expect((await reply(conversation.id, ann.as, 'Hi, Ann here')).status).toBe(201);

    const refused = await reply(conversation.id, ben.as, 'Ben here');
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/Claimed by Ann/);

    const taken = await act(conversation.id, 'claim', ben.as);
    expect((await taken.json()).conversation.assignee).toMatchObject({ name: 'Ben' });
    expect((await reply(conversation.id, ben.as, 'Ben here')).status).toBe(201);
    await expectError(await reply(conversation.id, ann.as), 409, 'conflict');
  });
});

describe('notes, close and reopen', () => {
  it('keeps notes from the customer, closes with the agent closing message, reopens on a customer message', async () => {
    const { as } = await signedIn('agent', { closingMessage: 'Thanks, Ann signing off!' });
    const { conversation } = await createConversation();
    const id = conversation.id;
    const noted = await notesRoute.POST(
      request('POST', `/agent/conversations/${id}/notes`, as, { text: 'VIP customer' }),
      routeParams({ id }),
    );
    expect(noted.status).toBe(201);
    expect((await getCustomerHistory(id)).messages.map((m) => m.text)).not.toContain(
      'VIP customer',
    );

    const closed = await act(id, 'close', as);
    expect((await closed.json()).conversation.status).toBe('closed');
    expect((await getCustomerHistory(id)).messages.at(-1)).toMatchObject({
      author: 'agent',
      text: 'Thanks, Ann signing off!',
    });
    await expectError(await act(id, 'close', as), 409, 'conflict');

    await postCustomerMessage(id, { text: 'One more thing', clientId: nextClientId() });
    const unclaimed = await ids(await list(as, 'view=unclaimed'));
    expect(unclaimed).toContain(id);
  });

  it('blocks and unblocks; a blocked conversation shows under Blocked only', async () => {
    const { as } = await signedIn('agent');
    const { conversation } = await createConversation();
    expect((await act(conversation.id, 'block', as)).status).toBe(200);
    expect(await ids(await list(as, 'view=blocked'))).toContain(conversation.id);
    expect(await ids(await list(as, 'view=open'))).not.toContain(conversation.id);
    expect((await act(conversation.id, 'unblock', as)).status).toBe(200);
    await expectError(await act(conversation.id, 'dance', as), 404, 'not_found');
  });
});

describe('the inbox list', () => {
  it('has views with counts, and unread markers per agent', async () => {
    const ann = await signedIn('agent');
    const ben = await signedIn('agent');
    const mine = (await createConversation({ name: 'Maria' })).conversation.id;
    const waiting = (await createConversation({ name: 'Zoe' })).conversation.id;
    await postCustomerMessage(mine, { text: 'Where is my parcel?', clientId: nextClientId() });
    await postCustomerMessage(waiting, { text: 'Hello?', clientId: nextClientId() });
    await act(mine, 'claim', ann.as);

    expect(await ids(await list(ann.as, 'view=mine'))).toEqual([mine]);
    expect(await ids(await list(ben.as, 'view=mine'))).toEqual([]);
    expect(await ids(await list(ann.as, 'view=unclaimed'))).toContain(waiting);
    expect(await ids(await list(ann.as, 'view=unclaimed'))).not.toContain(mine);
    expect(await ids(await list(ann.as, 'q=parcel'))).toEqual([mine]);

    const counts = async (as: As) =>
      (
        (await (
          await countsRoute.GET(request('GET', '/agent/conversations/counts', as))
        ).json()) as {
          counts: InboxCounts;
        }
      ).counts;
    const before = await counts(ann.as);
    expect(before.mine).toBe(1);

    const page = (await (await list(ann.as, 'view=mine')).json()) as InboxPage;
    expect(page.conversations[0]).toMatchObject({
      unread: true,
      lastMessage: { text: 'Where is my parcel?' },
    });
    const read = await readRoute.POST(
      request('POST', `/agent/conversations/${mine}/read`, ann.as, {
        seq: page.conversations[0]!.lastSeq,
      }),
      routeParams({ id: mine }),
    );
    expect(read.status).toBe(200);
    const after = (await (await list(ann.as, 'view=mine')).json()) as InboxPage;
    expect(after.conversations[0]!.unread).toBe(false);
    expect((await counts(ann.as)).unread).toBe(before.unread - 1);
    // Ben has read nothing: still unread for him.
    const forBen = (await (await list(ben.as, 'view=open')).json()) as InboxPage;
    expect(forBen.conversations.find((c) => c.id === mine)!.unread).toBe(true);
  });
});

describe('the transcript', () => {
  it('pages back by seq with notes interleaved by time, each note on one page', async () => {
    const { as } = await signedIn('agent');
    const { conversation } = await createConversation();
    const id = conversation.id;
    for (let i = 1; i <= 5; i++) {
      await postCustomerMessage(id, { text: `m${i}`, clientId: nextClientId() });
      await notesRoute.POST(
        request('POST', `/agent/conversations/${id}/notes`, as, { text: `n${i}` }),
        routeParams({ id }),
      );
    }
    const page = async (query: string) =>
      (await (
        await messagesRoute.GET(
          request('GET', `/agent/conversations/${id}/messages?${query}`, as),
          routeParams({ id }),
        )
      ).json()) as TranscriptPage;
    const newest = await page('limit=2');
    expect(newest.messages.map((m) => m.text)).toEqual(['m4', 'm5']);
    expect(newest.notes.map((n) => n.text)).toEqual(['n4', 'n5']);
    const middle = await page(`limit=2&before=${newest.olderBefore}`);
    expect(middle.messages.map((m) => m.text)).toEqual(['m2', 'm3']);
    expect(middle.notes.map((n) => n.text)).toEqual(['n2', 'n3']);
    const oldest = await page(`limit=2&before=${middle.olderBefore}`);
    expect(oldest.messages.map((m) => m.text)).toEqual(['m1']);
    expect(oldest.notes.map((n) => n.text)).toEqual(['n1']);
    expect(oldest.olderBefore).toBeNull();
  });
});

describe('profile and team', () => {
  it('lets an agent set their name and closing message', async () => {
    const { as } = await signedIn('agent');
    const response = await meRoute.PATCH(
      request('PATCH', '/agent/me', as, { name: '  Ann  Lee ', closingMessage: 'Bye!' }),
    );
    expect((await response.json()).profile).toMatchObject({
      name: 'Ann Lee',
      closingMessage: 'Bye!',
    });
  });

  it('adds an agent with a one-time link that sets the password once', async () => {
    const admin = await signedIn('admin');
    const email = `new-${nextClientId()}@example.com`.toLowerCase();
    const created = await agentsRoute.POST(
      request('POST', '/agent/agents', admin.as, { name: 'Cleo', email }),
    );
    expect(created.status).toBe(201);
    const { invite, agent } = await created.json();
    expect(agent).toMatchObject({ name: 'Cleo', role: 'agent', active: true });
    const token = new URL(invite.url).pathname.split('/').pop()!;
    const accept = (password: string) =>
      inviteRoute.POST(
        request('POST', `/agent/invites/${token}`, {}, { password }),
        routeParams({ token }),
      );
    expect((await accept('a new long password')).status).toBe(200);
    await expectError(await accept('another long password'), 404, 'not_found');
    await expectError(
      await agentsRoute.POST(
        request('POST', '/agent/agents', admin.as, { name: 'Cleo', email: email.toUpperCase() }),
      ),
      409,
      'conflict',
    );
  });
});
