// Departments through the admin API (DESIGN §12): who may call it, every endpoint, and how
// the widget's picker and the inbox's filter follow what the admin sets.
import { desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdminDepartment, InboxDepartment } from '@/lib/contracts/departments';
import type { WidgetConfig } from '@/lib/contracts/dto';
import { db } from '@/lib/db/client';
import { auditLog, conversations } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, type Call, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createConversation } from '@/test/factories';
import * as agentDepartmentsRoute from '../../agent/departments/route';
import * as widgetConfigRoute from '../../widget/config/route';
import * as departmentRoute from './[id]/route';
import * as telegramCheckRoute from './[id]/telegram-check/route';
import * as orderRoute from './order/route';
import * as departmentsRoute from './route';

const SERVICE: Call = { token: env().serviceToken! };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let adminCall: Call;
let agentCall: Call;
let agentId: string;

beforeAll(async () => {
  const admin = await createAgent({ role: 'admin' });
  const agent = await createAgent({ role: 'agent' });
  agentId = agent.id;
  adminCall = { headers: { cookie: await sessionCookie(admin.id) } };
  agentCall = { headers: { cookie: await sessionCookie(agent.id) } };
});

const list = (call: Call = SERVICE) =>
  departmentsRoute.GET(apiRequest('GET', '/admin/departments', call));
const create = (body: unknown, call: Call = SERVICE) =>
  departmentsRoute.POST(apiRequest('POST', '/admin/departments', { ...call, body }));
const update = (id: string, body: unknown, call: Call = SERVICE) =>
  departmentRoute.PATCH(
    apiRequest('PATCH', `/admin/departments/${id}`, { ...call, body }),
    routeParams({ id }),
  );
const remove = (id: string, call: Call = SERVICE) =>
  departmentRoute.DELETE(
    apiRequest('DELETE', `/admin/departments/${id}`, call),
    routeParams({ id }),
  );
const reorder = (body: unknown, call: Call = SERVICE) =>
  orderRoute.POST(apiRequest('POST', '/admin/departments/order', { ...call, body }));
const checkTelegram = (id: string, call: Call = SERVICE) =>
  telegramCheckRoute.POST(
    apiRequest('POST', `/admin/departments/${id}/telegram-check`, call),
    routeParams({ id }),
  );

async function created(body: Record<string, unknown>): Promise<AdminDepartment> {
  const response = await create(body);
  expect(response.status).toBe(201);
  return (await response.json()).department;
}

async function listed(): Promise<AdminDepartment[]> {
  const response = await list();
  expect(response.status).toBe(200);
  return (await response.json()).departments;
}

const widgetDepartments = async () =>
  (
    (await (
      await widgetConfigRoute.GET(apiRequest('GET', '/widget/config'))
    ).json()) as WidgetConfig
  ).departments;

const lastAudit = async (action: string) => {
  const [entry] = await db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return entry;
};

describe('who may call the departments API', () => {
  it('answers 401 without credentials and 403 to an agent, on every endpoint', async () => {
    const { id } = await created({ name: 'Gatekeeping' });
    const calls = (call: Call) => [
      list(call),
      create({ name: 'Nope' }, call),
      update(id, { name: 'Nope' }, call),
      remove(id, call),
      reorder({ ids: [id] }, call),
      checkTelegram(id, call),
    ];
    for (const response of await Promise.all(calls({}))) {
      await expectError(response, 401, 'unauthorized');
    }
    for (const response of await Promise.all(calls({ token: 'wrong-token-000000' }))) {
      await expectError(response, 401, 'unauthorized');
    }
    for (const response of await Promise.all(calls(agentCall))) {
      await expectError(response, 403, 'forbidden');
    }
    expect((await listed()).find((d) => d.id === id)?.name).toBe('Gatekeeping');
  });

  it("works with an admin's session as with the service token", async () => {
    const response = await create({ name: 'From the console' }, adminCall);
    expect(response.status).toBe(201);
    const { department } = await response.json();
    expect((await lastAudit('department.created'))!.actor).toMatch(/^agent:/);
    expect((await list(adminCall)).status).toBe(200);
    await remove(department.id, adminCall);
  });
});

describe('POST /api/v1/admin/departments', () => {
  it('creates a department after the others, with an audit entry', async () => {
    const before = await listed();
    const department = await created({
      name: '  Billing  ',
      description: 'Invoices and refunds',
      icon: '💳',
      color: '#AABBCC',
      greeting: 'Hi! Billing here.',
      telegramChatId: -1009876543210,
      memberIds: [agentId],
    });
    expect(department).toMatchObject({
      id: expect.any(String),
      name: 'Billing',
      description: 'Invoices and refunds',
      icon: '💳',
      color: '#aabbcc',
      greeting: 'Hi! Billing here.',
      active: true,
      telegramChatId: -1009876543210,
      memberIds: [agentId],
      openConversations: 0,
    });
    const maxBefore = Math.max(-1, ...before.map((d) => d.sortOrder));
    expect(department.sortOrder).toBe(maxBefore + 1);
    expect((await listed()).at(-1)!.id).toBe(department.id);
    expect(await lastAudit('department.created')).toMatchObject({
      actor: 'service',
      meta: { departmentId: department.id, name: 'Billing', memberIds: [agentId] },
    });
  });

  it('treats blank optional text as none', async () => {
    const department = await created({ name: 'Plain', description: '   ', icon: '', greeting: '' });
    expect(department).toMatchObject({
      description: null,
      icon: null,
      greeting: null,
      color: null,
    });
  });

  it('refuses invalid input with 400 and creates nothing', async () => {
    const count = (await listed()).length;
    const invalid: unknown[] = [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(61) },
      { name: 'Ok', description: 'x'.repeat(201) },
      { name: 'Ok', icon: 'far too long' },
      { name: 'Ok', color: 'red' },
      { name: 'Ok', color: '#12345' },
      { name: 'Ok', greeting: 'x'.repeat(501) },
      { name: 'Ok', telegramChatId: 1234 },
      { name: 'Ok', telegramChatId: -100.5 },
      { name: 'Ok', telegramChatId: '-1001234567890' },
      { name: 'Ok', memberIds: ['not-a-uuid'] },
      { name: 'Ok', memberIds: [UNKNOWN_ID] },
      { name: 'Ok', active: 'yes' },
      { name: 'Ok', sortOrder: 3 },
      [1, 2],
      '{nope',
    ];
    for (const body of invalid) {
      await expectError(await create(body), 400, 'invalid_request');
    }
    expect((await listed()).length).toBe(count);
  });
});

describe('GET /api/v1/admin/departments', () => {
  it('lists every department, inactive ones too, with members and open conversations', async () => {
    const sales = await created({ name: 'Sales list', memberIds: [agentId] });
    const hidden = await created({ name: 'Hidden list', active: false });
    await createConversation({ departmentId: sales.id });
    const closing = await createConversation({ departmentId: sales.id });
    await db()
      .update(conversations)
      .set({ status: 'closed' })
      .where(eq(conversations.id, closing.conversation.id));

    const departments = await listed();
    expect(departments.find((d) => d.id === sales.id)).toMatchObject({
      memberIds: [agentId],
      openConversations: 1,
    });
    expect(departments.find((d) => d.id === hidden.id)).toMatchObject({ active: false });
    const orders = departments.map((d) => d.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });
});

describe('PATCH /api/v1/admin/departments/:id', () => {
  it('changes only the fields sent, with an audit entry naming them', async () => {
    const department = await created({ name: 'Support', description: 'Any question', icon: '🛟' });
    const response = await update(department.id, { name: 'Help', color: '#112233' });
    expect(response.status).toBe(200);
    const { department: changed } = await response.json();
    expect(changed).toMatchObject({
      name: 'Help',
      color: '#112233',
      description: 'Any question',
      icon: '🛟',
      sortOrder: department.sortOrder,
    });
    expect(await lastAudit('department.updated')).toMatchObject({
      meta: { departmentId: department.id, fields: ['name', 'color'] },
    });

    const cleared = await (await update(department.id, { description: null })).json();
    expect(cleared.department.description).toBeNull();
  });

  it('deactivates and activates: the widget offers active departments only, with their greeting', async () => {
    const department = await created({ name: 'Seasonal', greeting: 'Ho ho ho' });
    expect((await widgetDepartments()).find((d) => d.id === department.id)).toEqual({
      id: department.id,
      name: 'Seasonal',
      description: null,
      icon: null,
      color: null,
      greeting: 'Ho ho ho',
    });
    await update(department.id, { active: false });
    expect((await widgetDepartments()).some((d) => d.id === department.id)).toBe(false);
    expect(await lastAudit('department.updated')).toMatchObject({
      meta: { fields: ['active'], active: false },
    });
    await update(department.id, { active: true });
    expect((await widgetDepartments()).some((d) => d.id === department.id)).toBe(true);
  });

  it('sets, replaces and clears the members', async () => {
    const other = await createAgent();
    const department = await created({ name: 'Members' });
    const set = async (memberIds: string[]) =>
      (
        (await (await update(department.id, { memberIds })).json()).department.memberIds as string[]
      ).sort();
    expect(await set([agentId, other.id, agentId])).toEqual([agentId, other.id].sort());
    expect(await lastAudit('department.updated')).toMatchObject({
      meta: { fields: ['memberIds'], memberIds: [agentId, other.id] },
    });
    expect(await set([other.id])).toEqual([other.id]);
    expect(await set([])).toEqual([]);
    await expectError(
      await update(department.id, { memberIds: [UNKNOWN_ID] }),
      400,
      'invalid_request',
    );
    expect((await listed()).find((d) => d.id === department.id)!.memberIds).toEqual([]);
  });

  it('answers 404 for an unknown id and 400 for a bad id or body', async () => {
    const department = await created({ name: 'Validated' });
    await expectError(await update(UNKNOWN_ID, { name: 'Ghost' }), 404, 'not_found');
    await expectError(await update('nope', { name: 'Ghost' }), 400, 'invalid_request');
    await expectError(await update(department.id, {}), 400, 'invalid_request');
    await expectError(await update(department.id, { name: '' }), 400, 'invalid_request');
    await expectError(await update(department.id, { sortOrder: 1 }), 400, 'invalid_request');
    await expectError(await update(department.id, { telegramChatId: 42 }), 400, 'invalid_request');
    expect((await listed()).find((d) => d.id === department.id)!.name).toBe('Validated');
  });
});

describe('POST /api/v1/admin/departments/order', () => {
  it('puts the departments in the order given; the widget and the inbox follow', async () => {
    const a = await created({ name: 'Order A' });
    const b = await created({ name: 'Order B' });
    const c = await created({ name: 'Order C' });
    const response = await reorder({ ids: [c.id, a.id, b.id] });
    expect(response.status).toBe(200);
    const { departments } = (await response.json()) as { departments: AdminDepartment[] };
    const ids = departments.map((d) => d.id);
    // The listed ones first, in the order given; the rest after them, as they were.
    expect(ids.slice(0, 3)).toEqual([c.id, a.id, b.id]);
    expect(departments.map((d) => d.sortOrder)).toEqual(departments.map((_, i) => i));
    expect((await listed()).map((d) => d.id)).toEqual(ids);

    const widget = (await widgetDepartments()).map((d) => d.id);
    expect(widget.filter((id) => [a.id, b.id, c.id].includes(id))).toEqual([c.id, a.id, b.id]);
    expect(await lastAudit('department.reordered')).toMatchObject({
      meta: { ids: expect.arrayContaining([c.id, a.id, b.id]) },
    });
  });

  it('refuses an unknown id (404), a repeated one and an empty list (400)', async () => {
    const a = await created({ name: 'Order D' });
    const before = (await listed()).map((d) => d.id);
    await expectError(await reorder({ ids: [a.id, UNKNOWN_ID] }), 404, 'not_found');
    await expectError(await reorder({ ids: [a.id, a.id] }), 400, 'invalid_request');
    await expectError(await reorder({ ids: [] }), 400, 'invalid_request');
    await expectError(await reorder({ ids: ['nope'] }), 400, 'invalid_request');
    await expectError(await reorder({}), 400, 'invalid_request');
    expect((await listed()).map((d) => d.id)).toEqual(before);
  });
});

describe('DELETE /api/v1/admin/departments/:id', () => {
  it('deletes the department; its conversations stay, without a department', async () => {
    const department = await created({ name: 'Short-lived', memberIds: [agentId] });
    const { conversation } = await createConversation({ departmentId: department.id });
    const response = await remove(department.id);
    expect(response.status).toBe(204);
    expect((await listed()).some((d) => d.id === department.id)).toBe(false);
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row).toMatchObject({ id: conversation.id, departmentId: null });
    expect(await lastAudit('department.deleted')).toMatchObject({
      actor: 'service',
      meta: { departmentId: department.id, name: 'Short-lived', conversations: 1 },
    });
    await expectError(await remove(department.id), 404, 'not_found');
  });

  it('answers 404 for an unknown id and 400 for a bad one', async () => {
    await expectError(await remove(UNKNOWN_ID), 404, 'not_found');
    await expectError(await remove('nope'), 400, 'invalid_request');
  });
});

describe('POST /api/v1/admin/departments/:id/telegram-check', () => {
  it('says clearly that Telegram is off on this server', async () => {
    const department = await created({ name: 'Telegram off', telegramChatId: -1001111111111 });
    const response = await checkTelegram(department.id);
    expect(response.status).toBe(200);
    const { check } = await response.json();
    expect(check).toMatchObject({
      enabled: false,
      ok: false,
      chatId: -1001111111111,
      usesMainChat: false,
      state: expect.stringMatching(/Telegram is off/),
      fix: expect.stringMatching(/\S/),
    });
  });

  it('answers 404 for an unknown id', async () => {
    await expectError(await checkTelegram(UNKNOWN_ID), 404, 'not_found');
    await expectError(await checkTelegram('nope'), 400, 'invalid_request');
  });
});

describe('GET /api/v1/agent/departments (the inbox)', () => {
  it('lists active departments first, inactive ones still there, with membership', async () => {
    const mine = await created({ name: 'Inbox mine', memberIds: [agentId] });
    const empty = await created({ name: 'Inbox nobody' });
    const gone = await created({ name: 'Inbox gone', active: false });
    await reorder({ ids: [gone.id, empty.id, mine.id] });
    const response = await agentDepartmentsRoute.GET(
      apiRequest('GET', '/agent/departments', agentCall),
    );
    expect(response.status).toBe(200);
    const { departments } = (await response.json()) as { departments: InboxDepartment[] };
    const ours = departments.filter((d) => d.name.startsWith('Inbox '));
    expect(ours).toEqual([
      { id: empty.id, name: 'Inbox nobody', active: true, memberCount: 0, isMember: false },
      { id: mine.id, name: 'Inbox mine', active: true, memberCount: 1, isMember: true },
      { id: gone.id, name: 'Inbox gone', active: false, memberCount: 0, isMember: false },
    ]);
    const firstInactive = departments.findIndex((d) => !d.active);
    expect(departments.slice(firstInactive).every((d) => !d.active)).toBe(true);
    await expectError(
      await agentDepartmentsRoute.GET(apiRequest('GET', '/agent/departments')),
      401,
      'unauthorized',
    );
  });
});

describe('audit', () => {
  it('records every change with its actor', async () => {
    const entries = await db().select().from(auditLog).where(like(auditLog.action, 'department.%'));
    const actions = new Set(entries.map((e) => e.action));
    expect([...actions].sort()).toEqual([
      'department.created',
      'department.deleted',
      'department.reordered',
      'department.updated',
    ]);
  });
});
