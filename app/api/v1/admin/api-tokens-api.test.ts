// API tokens through the admin API: created with a secret shown once, usable at once,
// refused the moment they are revoked, audited, and never managed by an API token.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApiToken, CreatedApiToken } from '@/lib/contracts/api-tokens';
import { db } from '@/lib/db/client';
import { apiTokens, auditLog } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, type Call, expectError, routeParams } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as tokenRoute from './api-tokens/[id]/route';
import * as tokensRoute from './api-tokens/route';
import * as auditRoute from './audit/route';
import * as blocksRoute from './blocks/route';
import * as conversationsRoute from './conversations/route';

const SERVICE = { token: env().serviceToken! };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const create = (body: unknown, call: Call = SERVICE) =>
  tokensRoute.POST(apiRequest('POST', '/admin/api-tokens', { ...call, body }));
const list = (call: Call = SERVICE) =>
  tokensRoute.GET(apiRequest('GET', '/admin/api-tokens', call));
const revoke = (id: string, call: Call = SERVICE) =>
  tokenRoute.DELETE(apiRequest('DELETE', `/admin/api-tokens/${id}`, call), routeParams({ id }));
const listConversations = (token: string) =>
  conversationsRoute.GET(apiRequest('GET', '/admin/conversations', { token }));

async function created(name = 'CRM sync', call: Call = SERVICE): Promise<CreatedApiToken> {
  const response = await create({ name }, call);
  expect(response.status).toBe(201);
  return response.json();
}

describe('API tokens', () => {
  it('creates a token whose secret works on the admin API until it is revoked', async () => {
    const { token, apiToken } = await created('  CRM   sync ');
    expect(token).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toEqual({
      id: expect.any(String),
      name: 'CRM sync',
      last4: token.slice(-4),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: null,
    });

    expect((await listConversations(token)).status).toBe(200);
    const [used] = (await (await list()).json()).apiTokens as ApiToken[];
    expect(used!.lastUsedAt).not.toBeNull();

    const revoked = await revoke(apiToken.id);
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).apiToken.revokedAt).toEqual(expect.any(String));
    await expectError(await listConversations(token), 401, 'unauthorized');
  });

  it('stores only the hash: the secret is in no list and no row', async () => {
    const { token, apiToken } = await created();
    const listed = await (await list()).text();
    expect(listed).not.toContain(token);
    expect(listed).not.toContain('tokenHash');
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('lists newest first with the creating admin, revoked ones marked', async () => {
    const admin = await createAgent({ role: 'admin', name: 'Ada Admin' });
    const asAdmin = { headers: { cookie: await sessionCookie(admin.id) } };
    const first = await created('first', asAdmin);
    const second = await created('second', asAdmin);
    await revoke(first.apiToken.id, asAdmin);
    const tokens = (await (await list(asAdmin)).json()).apiTokens as ApiToken[];
    const mine = tokens.filter((t) => t.createdBy?.id === admin.id);
    expect(mine.map((t) => [t.name, t.revokedAt !== null])).toEqual([
      ['second', false],
      ['first', true],
    ]);
    expect(mine[0]!.createdBy).toEqual({ id: admin.id, name: 'Ada Admin' });
    expect(second.apiToken.createdBy).toEqual({ id: admin.id, name: 'Ada Admin' });
  });

  it('writes api_token.created and api_token.revoked to the audit log, without the secret', async () => {
    const admin = await createAgent({ role: 'admin' });
    const asAdmin = { headers: { cookie: await sessionCookie(admin.id) } };
    const { token, apiToken } = await created('Audited', asAdmin);
    await revoke(apiToken.id);
    const mine = (await db().select().from(auditLog)).filter(
      (e) => (e.meta as { apiTokenId?: string }).apiTokenId === apiToken.id,
    );
    expect(mine.map((e) => [e.action, e.actor])).toEqual([
      ['api_token.created', `agent:${admin.id}`],
      ['api_token.revoked', 'service'],
    ]);
    expect(mine[0]!.meta).toEqual({
      apiTokenId: apiToken.id,
      name: 'Audited',
      last4: apiToken.last4,
    });
    expect(JSON.stringify(mine)).not.toContain(token);
  });

  it('audits what a token does under its own name, not as the service token', async () => {
    const { token, apiToken } = await created('CRM sync');
    const blocked = await blocksRoute.POST(
      apiRequest('POST', '/admin/blocks', { token, body: { visitorId: 'v-spam' } }),
    );
    expect(blocked.status).toBe(201);

    const page = await auditRoute.GET(
      apiRequest('GET', `/admin/audit?actor=api-token:${apiToken.id}`, SERVICE),
    );
    const { entries } = await page.json();
    expect(entries).toMatchObject([
      {
        action: 'visitor.blocked',
        actor: `api-token:${apiToken.id}`,
        actorName: 'API token “CRM sync”',
      },
    ]);
  });

  it('validates the name and the id', async () => {
    await expectError(await create({ name: '   ' }), 400, 'invalid_request');
    await expectError(await create({ name: 'x'.repeat(65) }), 400, 'invalid_request');
    await expectError(await create({ name: 'ok', scope: 'all' }), 400, 'invalid_request');
    await expectError(await create('not json'), 400, 'invalid_request');
    await expectError(await revoke('nope'), 400, 'invalid_request');
    await expectError(await revoke(UNKNOWN_ID), 404, 'not_found');
    const { apiToken } = await created();
    await revoke(apiToken.id);
    await expectError(await revoke(apiToken.id), 409, 'conflict');
  });

  it('is for the service token and admins: 401 without, 403 for agents and API tokens', async () => {
    await expectError(await list({}), 401, 'unauthorized');
    await expectError(await create({ name: 'x' }, {}), 401, 'unauthorized');
    await expectError(await list({ token: 'pk_forged' }), 401, 'unauthorized');
    const agent = await createAgent({ role: 'agent' });
    const asAgent = { headers: { cookie: await sessionCookie(agent.id) } };
    await expectError(await list(asAgent), 403, 'forbidden');
    await expectError(await create({ name: 'x' }, asAgent), 403, 'forbidden');

    const { token, apiToken } = await created();
    await expectError(await list({ token }), 403, 'forbidden');
    await expectError(await create({ name: 'successor' }, { token }), 403, 'forbidden');
    await expectError(await revoke(apiToken.id, { token }), 403, 'forbidden');
    expect((await listConversations(token)).status).toBe(200);
  });
});
