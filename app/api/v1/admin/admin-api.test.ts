// The admin API through its route handlers: who may call it, and each endpoint of DESIGN §6.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customerActor } from '@/lib/actor';
import type { AgentConversation, ConversationHistoryResponse } from '@/lib/contracts/dto';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { renameConversation } from '@/lib/conversations/rename-conversation';
import { db } from '@/lib/db/client';
import { apiTokens, auditLog, conversations } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { apiRequest, type Call, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createConversation, createDepartment, nextClientId } from '@/test/factories';
import * as customerConversationRoute from '../conversations/[id]/route';
import * as actionRoute from './conversations/[id]/[action]/route';
import * as messagesRoute from './conversations/[id]/messages/route';
import * as notesRoute from './conversations/[id]/notes/route';
import * as conversationRoute from './conversations/[id]/route';
import * as listRoute from './conversations/route';

const SERVICE = { token: env().serviceToken! };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const list = (query: string, call: Call = SERVICE) =>
  listRoute.GET(apiRequest('GET', `/admin/conversations?${query}`, call));

const details = (id: string, call: Call = SERVICE) =>
  conversationRoute.GET(apiRequest('GET', `/admin/conversations/${id}`, call), routeParams({ id }));

function act(id: string, action: string, body?: unknown, call: Call = SERVICE) {
  const json = body === undefined ? undefined : JSON.stringify(body);
  // As HTTP clients send it: a body comes with its Content-Length.
  const headers: Record<string, string> =
    json === undefined ? {} : { 'content-length': String(Buffer.byteLength(json)) };
  return actionRoute.POST(
    apiRequest('POST', `/admin/conversations/${id}/${action}`, { ...call, body: json, headers }),
    routeParams({ id, action }),
  );
}

const reply = (id: string, body: unknown, call: Call = SERVICE) =>
  messagesRoute.POST(
    apiRequest('POST', `/admin/conversations/${id}/messages`, { ...call, body }),
    routeParams({ id }),
  );

const note = (id: string, body: unknown, call: Call = SERVICE) =>
  notesRoute.POST(
    apiRequest('POST', `/admin/conversations/${id}/notes`, { ...call, body }),
    routeParams({ id }),
  );

async function customerHistory(id: string, token: string): Promise<ConversationHistoryResponse> {
  const request = apiRequest('GET', `/conversations/${id}`, { token });
  return (await customerConversationRoute.GET(request, routeParams({ id }))).json();
}

async function statusOf(id: string) {
  const [row] = await db().select().from(conversations).where(eq(conversations.id, id));
  return row!.status;
}

describe('admin authentication', () => {
  const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

  it('answers 401 without a token or with a wrong one, and 200 with SERVICE_TOKEN', async () => {
    await expectError(await list('', {}), 401, 'unauthorized');
    await expectError(await list('', { token: 'wrong-token-0123456789' }), 401, 'unauthorized');
    expect((await list('')).status).toBe(200);
  });

  it.each([
    ['GET one', () => details(UNKNOWN_ID, {})],
    ['an action', () => act(UNKNOWN_ID, 'close', undefined, {})],
    ['POST messages', () => reply(UNKNOWN_ID, { text: 'Hi', agentEmail: 'a@example.com' }, {})],
    ['POST notes', () => note(UNKNOWN_ID, { text: 'Hi', agentEmail: 'a@example.com' }, {})],
  ])('answers 401 for %s without a token', async (_, call) => {
    await expectError(await call(), 401, 'unauthorized');
  });

  it('accepts an API token until it is revoked', async () => {
    const token = `parley_${randomUUID()}`;
    const [row] = await db()
      .insert(apiTokens)
      .values({ name: 'CRM sync', tokenHash: sha256(token) })
      .returning();

    expect((await list('', { token })).status).toBe(200);
    const [used] = await db().select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(used!.lastUsedAt).not.toBeNull();
    await db().update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row!.id));
    await expectError(await list('', { token }), 401, 'unauthorized');
  });
});

describe('GET /api/v1/admin/conversations', () => {
  it('filters by status and department and pages with the cursor', async () => {
    const department = await createDepartment();
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createConversation({ departmentId: department.id })).conversation.id);
    await act(ids[0]!, 'close');
    const page = async (query: string) => {
      const response = await list(`departmentId=${department.id}&${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as {
        conversations: AgentConversation[];
        nextCursor: string | null;
      };
    };

    const open = await page('');
    expect(open.conversations.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect((await page('status=closed')).conversations.map((c) => c.id)).toEqual([ids[0]]);
    const first = await page('status=all&limit=2');
    const second = await page(`status=all&limit=2&cursor=${first.nextCursor}`);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect([...first.conversations, ...second.conversations].map((c) => c.id).sort()).toEqual(
      [...ids].sort(),
    );
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    'status=pending',
    'limit=0',
    'limit=201',
    'limit=ten',
    'departmentId=sales',
    'cursor=not-a-cursor',
  ])('refuses %s with 400', async (query) => {
    await expectError(await list(query), 400, 'invalid_request');
  });
});

describe('GET /api/v1/admin/conversations/:id', () => {
  it('answers the conversation with its assignee and fields, its messages and notes', async () => {
    const agent = await createAgent({ name: 'Ann' });
    const { conversation } = await createConversation({ fields: { plan: 'pro' }, name: 'Maria' });
    await postCustomerMessage(conversation.id, { text: 'Hi', clientId: nextClientId() });
    await reply(conversation.id, { text: 'Hello Maria', agentEmail: agent.email });
    await note(conversation.id, { text: 'Pro plan since 2021', agentEmail: agent.email });
    const response = await details(conversation.id);
    const body = await response.json();

    expect(response.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['conversation', 'messages', 'notes']);
    expect(body.conversation).toMatchObject({
      id: conversation.id,
      name: 'Maria',
      status: 'awaiting_customer',
      fields: { plan: 'pro' },
      assignee: { id: agent.id, name: 'Ann', email: agent.email, role: 'agent' },
    });
    expect(body.messages.map((m: { text: string }) => m.text)).toEqual(['Hi', 'Hello Maria']);
    expect(body.notes).toMatchObject([{ text: 'Pro plan since 2021', authorName: 'Ann' }]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectError(await details(UNKNOWN_ID), 404, 'not_found');
    await expectError(await details('42'), 400, 'invalid_request');
  });
});

describe('POST /api/v1/admin/conversations/:id/claim', () => {
  it('assigns the agent named by email, whatever its case', async () => {
    const agent = await createAgent({ name: 'Ann', email: `Ann.${randomUUID()}@Example.com` });
    const { conversation } = await createConversation();
    const response = await act(conversation.id, 'claim', {
      agentEmail: agent.email!.toUpperCase(),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      conversation: { id: conversation.id, status: 'open_assigned', agent: { name: 'Ann' } },
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.conversationId, conversation.id),
          eq(auditLog.action, 'conversation.claimed'),
        ),
      );
    expect(audit!.actor).toBe('service');
  });

  it('answers 404 for an unknown email, 400 without one, 409 when closed', async () => {
    const { conversation } = await createConversation();
    const agent = await createAgent();

    await expectError(
      await act(conversation.id, 'claim', { agentEmail: 'nobody@example.com' }),
      404,
      'not_found',
    );
    await expectError(await act(conversation.id, 'claim', {}), 400, 'invalid_request');
    await act(conversation.id, 'close');
    await expectError(
      await act(conversation.id, 'claim', { agentEmail: agent.email }),
      409,
      'conflict',
    );
  });
});

describe('POST /api/v1/admin/conversations/:id/close|reopen|block|unblock', () => {
  it('moves through the lifecycle, refusing each repeated transition with 409', async () => {
    const { conversation } = await createConversation();
    const steps = [
      ['close', 'closed'],
      ['reopen', 'open_unclaimed'],
      ['block', 'blocked'],
      ['unblock', 'closed'],
    ] as const;
    for (const [action, status] of steps) {
      const response = await act(conversation.id, action);
      expect({ action, status: response.status, body: await response.json() }).toMatchObject({
        action,
        status: 200,
        body: { conversation: { id: conversation.id, status } },
      });
      await expectError(await act(conversation.id, action), 409, 'conflict');
    }
  });

  it("closes with the named agent's own closing message", async () => {
    const agent = await createAgent({ name: 'Ann', closingMessage: 'Bye from Ann!' });
    const { conversation, token } = await createConversation();
    await act(conversation.id, 'close', { agentEmail: agent.email });

    expect((await customerHistory(conversation.id, token)).messages).toMatchObject([
      { author: 'agent', agentName: 'Ann', text: 'Bye from Ann!' },
    ]);
  });

  it('answers 404 for an unknown action or conversation', async () => {
    const { conversation } = await createConversation();

    await expectError(await act(conversation.id, 'archive'), 404, 'not_found');
    await expectError(await act(UNKNOWN_ID, 'close'), 404, 'not_found');
    expect(await statusOf(conversation.id)).toBe('open_unclaimed');
  });
});

describe('POST /api/v1/admin/conversations/:id/messages', () => {
  it('posts as the agent: 201, claimed, awaiting the customer, in their transcript', async () => {
    const agent = await createAgent({ name: 'Ann' });
    const { conversation, token } = await createConversation();
    const response = await reply(conversation.id, { text: 'Hello!', agentEmail: agent.email });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      message: { seq: 1, author: 'agent', agentName: 'Ann', text: 'Hello!' },
    });
    expect(await statusOf(conversation.id)).toBe('awaiting_customer');
    expect((await customerHistory(conversation.id, token)).messages).toHaveLength(1);
  });

  it('refuses with 409 naming the holder, 404 for an unknown agent, 403 for a disabled one', async () => {
    const [ann, bob] = [await createAgent({ name: 'Ann Holder' }), await createAgent()];
    const gone = await createAgent({ active: false });
    const { conversation } = await createConversation();
    await act(conversation.id, 'claim', { agentEmail: ann.email });
    const conflict = await reply(conversation.id, { text: 'Me too', agentEmail: bob.email });

    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toEqual({
      code: 'conflict',
      message: expect.stringContaining('Ann Holder'),
    });
    await expectError(
      await reply(conversation.id, { text: 'Hi', agentEmail: 'nobody@example.com' }),
      404,
      'not_found',
    );
    await expectError(
      await reply(conversation.id, { text: 'Hi', agentEmail: gone.email }),
      403,
      'forbidden',
    );
  });

  it('refuses text over 4000 characters with 413 and a missing agent with 400', async () => {
    const agent = await createAgent();
    const { conversation } = await createConversation();

    await expectError(
      await reply(conversation.id, { text: 'a'.repeat(4001), agentEmail: agent.email }),
      413,
      'too_large',
    );
    await expectError(await reply(conversation.id, { text: 'Hi' }), 400, 'invalid_request');
  });
});

describe('POST /api/v1/admin/conversations/:id/notes', () => {
  it('adds a note with 201 that never reaches the customer', async () => {
    const agent = await createAgent({ name: 'Ann' });
    const { conversation, token } = await createConversation();
    await renameConversation(conversation.id, 'Maria', customerActor);
    const response = await note(conversation.id, {
      text: 'Asked for a refund twice',
      agentEmail: agent.email,
    });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      note: {
        conversationId: conversation.id,
        authorName: 'Ann',
        text: 'Asked for a refund twice',
      },
    });
    const history = await customerHistory(conversation.id, token);
    expect(history.messages).toEqual([]);
    expect(JSON.stringify(history)).not.toContain('refund');
    expect(await statusOf(conversation.id)).toBe('open_unclaimed');
  });
});
