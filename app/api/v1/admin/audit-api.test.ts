// The audit log through the admin API: filters, keyset pages without gaps or repeats,
// readable actor names, and who may read it.
import { describe, expect, it } from 'vitest';
import { agentActor } from '@/lib/auth/callers';
import type { AuditEntry, AuditPage } from '@/lib/contracts/audit';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { db } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, type Call, expectError } from '@/test/api-requests';
import { createAgent, createConversation } from '@/test/factories';
import * as actionsRoute from './audit/actions/route';
import * as auditRoute from './audit/route';

const SERVICE = { token: env().serviceToken! };

const audit = (query: string, call: Call = SERVICE) =>
  auditRoute.GET(apiRequest('GET', `/admin/audit?${query}`, call));

async function page(query: string): Promise<AuditPage> {
  const response = await audit(query);
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/v1/admin/audit', () => {
  it('filters by conversation, actor and action, and names the actors', async () => {
    const agent = await createAgent({ name: 'Grace Hopper' });
    const { conversation } = await createConversation({ name: 'Ada' });
    const other = await createConversation();
    await closeConversation(conversation.id, agentActor(agent));

    const forConversation = await page(`conversationId=${conversation.id}`);
    expect(forConversation.entries.map((e) => e.action)).toEqual([
      'conversation.closed',
      'conversation.started',
    ]);
    expect(forConversation.entries.every((e) => e.conversationId === conversation.id)).toBe(true);
    expect(forConversation.entries[0]).toMatchObject({
      actor: `agent:${agent.id}`,
      actorName: 'Grace Hopper',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(forConversation.entries[1]).toMatchObject({ actor: 'customer', actorName: 'Customer' });

    const byActor = await page(`actor=agent:${agent.id}`);
    expect(byActor.entries.map((e) => e.conversationId)).toEqual([conversation.id]);

    const started = await page('action=conversation.started&limit=200');
    const ids = started.entries.map((e) => e.conversationId);
    expect(ids).toEqual(expect.arrayContaining([conversation.id, other.conversation.id]));
    expect(started.entries.every((e) => e.action === 'conversation.started')).toBe(true);
  });

  it('filters by date range, a day on its own meaning the whole day', async () => {
    const [old] = await db()
      .insert(auditLog)
      .values({
        actor: 'system',
        action: 'test.dated',
        createdAt: new Date('2020-03-04T10:00:00Z'),
      })
      .returning();
    await db()
      .insert(auditLog)
      .values({
        actor: 'system',
        action: 'test.dated',
        createdAt: new Date('2020-03-06T10:00:00Z'),
      });
    const onDay = await page('action=test.dated&from=2020-03-04&to=2020-03-04');
    expect(onDay.entries.map((e) => e.id)).toEqual([String(old!.id)]);
    expect(onDay.entries[0]!.actorName).toBe('System');
    const after = await page('action=test.dated&from=2020-03-05T00:00:00Z');
    expect(after.entries).toHaveLength(1);
    expect((await page('action=test.dated&to=2020-03-01')).entries).toEqual([]);
  });

  it('pages newest first with a keyset cursor: no repeats, no gaps, even while writing', async () => {
    await db()
      .insert(auditLog)
      .values(
        Array.from({ length: 23 }, (_, i) => ({
          actor: 'system',
          action: 'test.paged',
          meta: { i },
        })),
      );
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: AuditPage = await page(
        `action=test.paged&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...result.entries);
      cursor = result.nextCursor;
      pages += 1;
      // A new entry in the middle of paging belongs before the first page, not in a later one.
      if (pages === 2)
        await db().insert(auditLog).values({ actor: 'system', action: 'test.paged' });
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen.map((e) => e.meta.i)).toEqual(Array.from({ length: 23 }, (_, i) => 22 - i));
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('defaults to 50 entries and caps the limit at 200', async () => {
    await db()
      .insert(auditLog)
      .values(Array.from({ length: 60 }, () => ({ actor: 'system', action: 'test.limit' })));
    const first = await page('action=test.limit');
    expect(first.entries).toHaveLength(50);
    expect(first.nextCursor).toMatch(/^\d+$/);
    await expectError(await audit('limit=201'), 400, 'invalid_request');
    await expectError(await audit('limit=0'), 400, 'invalid_request');
  });

  it('refuses a bad cursor or filter with 400', async () => {
    for (const query of [
      'cursor=abc',
      'cursor=-1',
      'cursor=0',
      'cursor=99999999999999999999',
      'conversationId=nope',
      'actor=robert',
      'action=DROP%20TABLE',
      'from=yesterday',
    ]) {
      await expectError(await audit(query), 400, 'invalid_request');
    }
  });

  it('is for admins: 401 without credentials, 403 for an agent session', async () => {
    await expectError(await audit('', {}), 401, 'unauthorized');
    await expectError(await audit('', { token: 'wrong-token-000000' }), 401, 'unauthorized');
    const agent = await createAgent({ role: 'agent' });
    const asAgent = { headers: { cookie: await sessionCookie(agent.id) } };
    await expectError(await audit('', asAgent), 403, 'forbidden');
    const admin = await createAgent({ role: 'admin' });
    const asAdmin = { headers: { cookie: await sessionCookie(admin.id) } };
    expect((await audit('', asAdmin)).status).toBe(200);
  });
});

describe('GET /api/v1/admin/audit/actions', () => {
  it('lists each action once, in order', async () => {
    await createConversation();
    await createConversation();
    await db().insert(auditLog).values({ actor: 'system', action: 'aaa.first' });
    const response = await actionsRoute.GET(apiRequest('GET', '/admin/audit/actions', SERVICE));
    const { actions } = (await response.json()) as { actions: string[] };
    expect(actions[0]).toBe('aaa.first');
    expect(actions).toContain('conversation.started');
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual([...actions].sort());
  });

  it('is for admins', async () => {
    await expectError(
      await actionsRoute.GET(apiRequest('GET', '/admin/audit/actions')),
      401,
      'unauthorized',
    );
    const agent = await createAgent({ role: 'agent' });
    await expectError(
      await actionsRoute.GET(
        apiRequest('GET', '/admin/audit/actions', {
          headers: { cookie: await sessionCookie(agent.id) },
        }),
      ),
      403,
      'forbidden',
    );
  });
});
