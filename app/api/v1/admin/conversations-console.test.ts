// The Conversations screen's admin API through its route handlers: list filters, exports,
// bulk delete and visitor blocks — who may call each, what it answers, and what it changes.
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { eq, inArray } from 'drizzle-orm';
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceActor } from '@/lib/actor';
import type { VisitorBlock } from '@/lib/contracts/admin';
import type { AgentConversation } from '@/lib/contracts/dto';
import { addNote } from '@/lib/conversations/add-note';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import type { ConversationExport } from '@/lib/conversations/export-conversation';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { db } from '@/lib/db/client';
import { auditLog, conversations, messages, notes, visitorBlocks } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { processSingleton } from '@/lib/singleton';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, type Call, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createConversation, createDepartment, nextClientId } from '@/test/factories';
import * as startRoute from '../conversations/route';
import * as blockRoute from './blocks/[id]/route';
import * as blocksRoute from './blocks/route';
import * as csvRoute from './conversations/[id]/export.csv/route';
import * as jsonRoute from './conversations/[id]/export.json/route';
import * as bulkDeleteRoute from './conversations/bulk-delete/route';
import * as countRoute from './conversations/count/route';
import * as setExportRoute from './conversations/export.csv/route';
import * as listRoute from './conversations/route';

const SERVICE: Call = { token: env().serviceToken! };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
let ADMIN: Call;
let AGENT: Call;

beforeAll(async () => {
  ADMIN = { headers: { cookie: await sessionCookie((await createAgent({ role: 'admin' })).id) } };
  AGENT = { headers: { cookie: await sessionCookie((await createAgent({ role: 'agent' })).id) } };
});

const list = (query: string, call: Call = SERVICE) =>
  listRoute.GET(apiRequest('GET', `/admin/conversations?${query}`, call));
const exportJson = (id: string, call: Call = SERVICE) =>
  jsonRoute.GET(
    apiRequest('GET', `/admin/conversations/${id}/export.json`, call),
    routeParams({ id }),
  );
const exportCsv = (id: string, call: Call = SERVICE) =>
  csvRoute.GET(
    apiRequest('GET', `/admin/conversations/${id}/export.csv`, call),
    routeParams({ id }),
  );
const exportSet = (query: string, call: Call = SERVICE) =>
  setExportRoute.GET(apiRequest('GET', `/admin/conversations/export.csv?${query}`, call));
const bulkDelete = (body: unknown, call: Call = SERVICE) =>
  bulkDeleteRoute.POST(apiRequest('POST', '/admin/conversations/bulk-delete', { ...call, body }));
const listBlocks = (call: Call = SERVICE) =>
  blocksRoute.GET(apiRequest('GET', '/admin/blocks', call));
const block = (body: unknown, call: Call = SERVICE) =>
  blocksRoute.POST(apiRequest('POST', '/admin/blocks', { ...call, body }));
const lift = (id: string, call: Call = SERVICE) =>
  blockRoute.DELETE(apiRequest('DELETE', `/admin/blocks/${id}`, call), routeParams({ id }));
const start = (body: unknown, ip = '198.51.100.1') =>
  startRoute.POST(
    apiRequest('POST', '/conversations', { body, headers: { 'x-parley-client-ip': ip } }),
  );

const idsOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { conversations: AgentConversation[] }).conversations.map(
    (c) => c.id,
  );
};
const csvOf = async (response: Response) =>
  parseCsv(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
const setCreatedAt = (id: string, at: string) =>
  db()
    .update(conversations)
    .set({ createdAt: new Date(at) })
    .where(eq(conversations.id, id));

/** A conversation whose texts are hard on CSV: commas, quotes, newlines, a formula. */
async function trickyConversation(marker: string) {
  const { conversation } = await createConversation({
    name: 'Zoë "Z", Smith',
    fields: { email: 'zoe@example.com', plan: 'Pro, yearly' },
  });
  const agent = await createAgent({ name: 'Ann, the "agent"' });
  await postCustomerMessage(conversation.id, {
    text: `Hello, ${marker}\nI have "a problem", two lines`,
    clientId: nextClientId(),
  });
  await postAgentMessage(conversation.id, agent.id, '=1+1 is not a formula here', serviceActor);
  await addNote(conversation.id, agent.id, 'Private, "quoted"\nnote', serviceActor);
  return { conversation, agent };
}

describe('who may call the conversations console endpoints', () => {
  const calls: [string, (call: Call) => Promise<Response>][] = [
    ['GET export.json', (call) => exportJson(UNKNOWN_ID, call)],
    ['GET export.csv', (call) => exportCsv(UNKNOWN_ID, call)],
    ['GET the set export', (call) => exportSet('status=all', call)],
    ['POST bulk-delete', (call) => bulkDelete({ ids: [UNKNOWN_ID] }, call)],
    ['GET blocks', (call) => listBlocks(call)],
    ['POST blocks', (call) => block({ visitorId: 'v-auth' }, call)],
    ['DELETE a block', (call) => lift(UNKNOWN_ID, call)],
  ];

  it.each(calls)('%s: 401 without credentials, 403 for an agent session', async (_, call) => {
    await expectError(await call({}), 401, 'unauthorized');
    await expectError(await call({ token: 'wrong-token-0123456789' }), 401, 'unauthorized');
    await expectError(await call(AGENT), 403, 'forbidden');
  });

  it('lets an admin session in', async () => {
    expect((await listBlocks(ADMIN)).status).toBe(200);
    expect((await list('status=all', ADMIN)).status).toBe(200);
  });
});

describe('GET /admin/conversations filters', () => {
  it('filters by assignee, creation dates and text together, keeping the keyset pages', async () => {
    const marker = `needle-${randomUUID().slice(0, 8)}`;
    const ann = await createAgent();
    const made: string[] = [];
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-03']) {
      const { conversation } = await createConversation({ name: 'Dated' });
      await postCustomerMessage(conversation.id, {
        text: `${marker} ${day}`,
        clientId: nextClientId(),
      });
      await claimConversation(conversation.id, ann.id, serviceActor);
      await setCreatedAt(conversation.id, `${day}T12:00:00Z`);
      made.push(conversation.id);
    }
    const other = await createConversation();
    await postCustomerMessage(other.conversation.id, { text: marker, clientId: nextClientId() });

    expect(new Set(await idsOf(await list(`status=all&agentId=${ann.id}`)))).toEqual(new Set(made));
    // A bare `to` date covers that whole day; `from` starts at its midnight.
    expect(await idsOf(await list(`status=all&q=${marker}&from=2026-03-02&to=2026-03-02`))).toEqual(
      [made[1]],
    );
    expect(
      new Set(await idsOf(await list(`status=all&q=${marker}&from=2026-03-02T00:00:00Z`))),
    ).toEqual(new Set([made[1], made[2], other.conversation.id]));
    expect(await idsOf(await list(`status=all&q=${marker}&to=2026-03-01T12:00:00.000Z`))).toEqual([
      made[0],
    ]);

    const first = await list(`status=all&agentId=${ann.id}&limit=2`);
    const page = (await first.json()) as { conversations: AgentConversation[]; nextCursor: string };
    expect(page.conversations).toHaveLength(2);
    const rest = await idsOf(
      await list(`status=all&agentId=${ann.id}&limit=2&cursor=${page.nextCursor}`),
    );
    expect(new Set([...page.conversations.map((c) => c.id), ...rest])).toEqual(new Set(made));
  });

  it.each([
    ['agentId=nope', 'agentId'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=2026-03-01T25:00:00Z', 'from'],
    ['status=everything', 'status'],
  ])('refuses %s with 400', async (query, field) => {
    const response = await list(query);
    const body = (await response.clone().json()) as { error: { message: string } };
    expect(body.error.message).toContain(field);
    await expectError(response, 400, 'invalid_request');
  });
});

describe('GET /admin/conversations/count', () => {
  it('counts what a filter matches, for the confirmation before deleting all of it', async () => {
    const marker = `count-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) await createConversation({ name: marker });
    const count = (query: string, call: Call = SERVICE) =>
      countRoute.GET(apiRequest('GET', `/admin/conversations/count?${query}`, call));
    const response = await count(`status=all&q=${marker}`, ADMIN);
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200,
      body: { count: 3 },
    });
    expect(await (await count(`status=closed&q=${marker}`)).json()).toEqual({ count: 0 });
    await expectError(await count('status=all', {}), 401, 'unauthorized');
    await expectError(await count('status=all', AGENT), 403, 'forbidden');
    await expectError(await count('agentId=nope'), 400, 'invalid_request');
  });
});

describe('per-conversation export', () => {
  it('exports JSON with the conversation, messages with attachments, notes and audit', async () => {
    const { conversation } = await trickyConversation('json');
    const response = await exportJson(conversation.id, ADMIN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const slug = conversation.codename.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="parley-${slug}.json"`,
    );
    const body = (await response.json()) as ConversationExport;
    expect(body.conversation).toMatchObject({
      id: conversation.id,
      name: 'Zoë "Z", Smith',
      fields: { email: 'zoe@example.com', plan: 'Pro, yearly' },
    });
    expect(body.messages.map((m) => [m.author, m.attachments])).toEqual([
      ['customer', []],
      ['agent', []],
    ]);
    expect(body.notes.map((n) => n.text)).toEqual(['Private, "quoted"\nnote']);
    expect(body.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['conversation.started', 'note.added']),
    );
  });

  it('exports CSV rows of messages and notes by time that survive commas, quotes and newlines', async () => {
    const { conversation } = await trickyConversation('csv');
    const response = await exportCsv(conversation.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="parley-[a-z0-9-]+\.csv"$/,
    );
    const rows = await csvOf(response);
    expect(rows.map((r) => [r.kind, r.author, r.text])).toEqual([
      ['customer', 'Zoë "Z", Smith', 'Hello, csv\nI have "a problem", two lines'],
      ['agent', 'Ann, the "agent"', "'=1+1 is not a formula here"],
      ['note', 'Ann, the "agent"', 'Private, "quoted"\nnote'],
    ]);
    const times = rows.map((r) => r.time!);
    expect([...times].sort()).toEqual(times);
  });

  it('answers 404 for an unknown conversation and 400 for a malformed id', async () => {
    await expectError(await exportJson(UNKNOWN_ID), 404, 'not_found');
    await expectError(await exportCsv(UNKNOWN_ID), 404, 'not_found');
    await expectError(await exportJson('not-a-uuid'), 400, 'invalid_request');
  });
});

describe('GET /admin/conversations/export.csv', () => {
  it('streams the filtered set with one row per conversation, quoting what needs it', async () => {
    const marker = `set-${randomUUID().slice(0, 8)}`;
    const department = await createDepartment({ name: 'Sales, EU' });
    const ann = await createAgent({ name: 'Ann "A"' });
    const { conversation } = await createConversation({
      name: 'Line\nbreak, "quoted"',
      departmentId: department.id,
      fields: { email: 'x@example.com', plan: 'Pro' },
    });
    await postCustomerMessage(conversation.id, { text: marker, clientId: nextClientId() });
    await claimConversation(conversation.id, ann.id, serviceActor);
    await closeConversation(conversation.id, serviceActor);
    await createConversation({ name: 'Not matching' });

    const response = await exportSet(`status=closed&q=${marker}&departmentId=${department.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="parley-conversations-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const rows = await csvOf(response);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: conversation.id,
      codename: conversation.codename,
      status: 'closed',
      department: 'Sales, EU',
      assignee: 'Ann "A"',
      customer_name: 'Line\nbreak, "quoted"',
      email: 'x@example.com',
      fields: 'plan=Pro',
    });
    const stored = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    expect(Number(rows[0]!.message_count)).toBe(stored.length);
    expect(rows[0]!.closed_at).toMatch(/^\d{4}-/);
  });

  it('has only the header for an empty set, and refuses bad filters with 400', async () => {
    const response = await exportSet(`status=all&q=${randomUUID()}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    // A byte-order mark first, so that spreadsheet programs read the file as UTF-8.
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8').trim()).toBe(
      'id,codename,status,department,assignee,customer_name,email,fields,created_at,last_activity_at,closed_at,message_count',
    );
    await expectError(await exportSet('from=tomorrow'), 400, 'invalid_request');
  });
});

describe('POST /admin/conversations/bulk-delete', () => {
  it('deletes the listed conversations with messages and notes, and audits the count', async () => {
    const a = await trickyConversation('bulk-a');
    const b = await trickyConversation('bulk-b');
    const kept = await trickyConversation('bulk-kept');
    const ids = [a.conversation.id, b.conversation.id];

    const response = await bulkDelete({ ids: [...ids, UNKNOWN_ID] }, ADMIN);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: 2 });
    expect(await db().select().from(conversations).where(inArray(conversations.id, ids))).toEqual(
      [],
    );
    expect(await db().select().from(messages).where(inArray(messages.conversationId, ids))).toEqual(
      [],
    );
    expect(await db().select().from(notes).where(inArray(notes.conversationId, ids))).toEqual([]);
    expect(
      await db().select().from(conversations).where(eq(conversations.id, kept.conversation.id)),
    ).toHaveLength(1);
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'conversations.bulk_deleted'));
    expect(audits.at(-1)).toMatchObject({ meta: { count: 2, filter: { ids: 3 } } });
  });

  it('deletes by status and last activity before, in batches, leaving the rest', async () => {
    const marker = `old-${randomUUID().slice(0, 8)}`;
    const old: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { conversation } = await createConversation({ name: marker });
      await closeConversation(conversation.id, serviceActor);
      old.push(conversation.id);
    }
    await db()
      .update(conversations)
      .set({ lastActivityAt: new Date('2020-01-01T00:00:00Z') })
      .where(inArray(conversations.id, old));
    const recent = await createConversation({ name: marker });
    await closeConversation(recent.conversation.id, serviceActor);
    const open = await createConversation({ name: marker });

    const response = await bulkDelete({ status: 'closed', before: '2021-01-01', q: marker });
    expect(await response.json()).toEqual({ deleted: 3 });
    const left = await db()
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.customerName, marker));
    expect(new Set(left.map((r) => r.id))).toEqual(
      new Set([recent.conversation.id, open.conversation.id]),
    );
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'conversations.bulk_deleted'))
      .orderBy(auditLog.id)
      .limit(1)
      .offset(1);
    expect(audit).toMatchObject({
      actor: 'service',
      meta: {
        count: 3,
        filter: { status: 'closed', q: marker, before: '2021-01-01T00:00:00.000Z' },
      },
    });
  });

  it.each([
    [{}, 'nothing'],
    [{ ids: [] }, 'an empty list'],
    [{ ids: ['nope'] }, 'a malformed id'],
    [{ before: '2021-01-01' }, 'a filter without a status'],
    [{ status: 'closed', ids: [UNKNOWN_ID] }, 'both shapes at once'],
  ] as [unknown, string][])('refuses %j (%s) with 400', async (body) => {
    await expectError(await bulkDelete(body), 400, 'invalid_request');
  });
});

describe('visitor blocks', () => {
  it('refuses a blocked visitor a new conversation with 403 blocked until the block is lifted', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    expect((await start({ visitorId })).status).toBe(201);

    const created = await block({ visitorId, reason: 'Spam', durationSeconds: 3600 }, ADMIN);
    expect(created.status).toBe(201);
    const { block: made } = (await created.json()) as { block: VisitorBlock };
    expect(made).toMatchObject({ visitorId, ip: null, reason: 'Spam' });
    expect(Date.parse(made.expiresAt!) - Date.now()).toBeGreaterThan(3500_000);

    await expectError(await start({ visitorId }), 403, 'blocked');
    expect((await start({ visitorId: `${visitorId}-other` })).status).toBe(201);
    const listed = (await (await listBlocks()).json()) as { blocks: VisitorBlock[] };
    expect(listed.blocks.map((b) => b.id)).toContain(made.id);

    const lifted = await lift(made.id, ADMIN);
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as { block: VisitorBlock }).block.id).toBe(made.id);
    expect((await start({ visitorId })).status).toBe(201);
    await expectError(await lift(made.id), 404, 'not_found');

    const actions = await db()
      .select({ action: auditLog.action, meta: auditLog.meta })
      .from(auditLog)
      .where(inArray(auditLog.action, ['visitor.blocked', 'visitor.unblocked']));
    expect(actions.filter((a) => a.meta.blockId === made.id).map((a) => a.action)).toEqual([
      'visitor.blocked',
      'visitor.unblocked',
    ]);
  });

  it('blocks from a conversation: its visitor id and the IP it was started from', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const ip = '198.51.100.77';
    const started = await start({ visitorId }, ip);
    const { conversation } = (await started.json()) as { conversation: { id: string } };

    const created = await block({ conversationId: conversation.id });
    const { block: made } = (await created.json()) as { block: VisitorBlock };
    expect(made).toMatchObject({ visitorId, ip, conversationId: conversation.id, expiresAt: null });

    // The same address from another browser, and the same browser from another address.
    await expectError(await start({ visitorId: 'fresh-browser' }, ip), 403, 'blocked');
    await expectError(await start({ visitorId }, '198.51.100.78'), 403, 'blocked');
    expect((await start({ visitorId: 'fresh-browser' }, '198.51.100.78')).status).toBe(201);
    await lift(made.id);
  });

  it('does not list expired blocks, and they no longer refuse anyone', async () => {
    const visitorId = `visitor-${randomUUID()}`;
    const [expired] = await db()
      .insert(visitorBlocks)
      .values({ visitorId, expiresAt: new Date(Date.now() - 1000), createdBy: 'service' })
      .returning();
    const listed = (await (await listBlocks()).json()) as { blocks: VisitorBlock[] };
    expect(listed.blocks.map((b) => b.id)).not.toContain(expired!.id);
    expect((await start({ visitorId })).status).toBe(201);
  });

  it('counts no rate limit for a blocked visitor', async () => {
    const ip = '198.51.100.200';
    const { block: made } = (await (await block({ ip })).json()) as { block: VisitorBlock };
    for (let i = 0; i < 3; i++) await expectError(await start({}, ip), 403, 'blocked');
    // The process's own limiter has not seen the address.
    const limiters = processSingleton<{ conversations: RateLimiterMemory }>('rate-limiters', () => {
      throw new Error('the rate limiters should exist once a conversation was started');
    });
    expect(await limiters.conversations.get(ip)).toBeNull();
    await lift(made.id);
    expect((await start({}, ip)).status).toBe(201);
    expect((await limiters.conversations.get(ip))?.consumedPoints).toBe(1);
  });

  it.each([
    [{}, 'no target'],
    [{ ip: 'not-an-ip' }, 'a bad IP'],
    [{ visitorId: 'v', durationSeconds: 10 }, 'a too short duration'],
    [{ visitorId: 'v', expiresAt: 'soon' }, 'a bad expiry'],
    [{ visitorId: 'v', expiresAt: '2099-01-01T00:00:00Z', durationSeconds: 3600 }, 'both expiries'],
    [{ visitorId: 'v', expiresAt: '2001-01-01T00:00:00Z' }, 'an expiry in the past'],
    [{ visitorId: 'v', extra: true }, 'an unknown field'],
  ] as [unknown, string][])('refuses %j (%s) with 400', async (body) => {
    await expectError(await block(body), 400, 'invalid_request');
  });

  it('answers 404 for an unknown conversation and 400 for one with nothing to block', async () => {
    await expectError(await block({ conversationId: UNKNOWN_ID }), 404, 'not_found');
    const { conversation } = await createConversation();
    await expectError(await block({ conversationId: conversation.id }), 400, 'invalid_request');
    await expectError(await lift('nope'), 400, 'invalid_request');
  });
});
