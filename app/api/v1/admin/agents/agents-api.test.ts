// The team through the admin API (`/api/v1/admin/agents`): who may call it, validation,
// invitations that stay pending until accepted, roles, departments, and deleting an agent
// whose conversations go back to the queue with their history intact.
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TeamAgent } from '@/lib/contracts/agent';
import { addNote } from '@/lib/conversations/add-note';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { db } from '@/lib/db/client';
import {
  agentInvites,
  agents,
  auditLog,
  conversations,
  departmentMembers,
  events,
  messages,
  notes,
} from '@/lib/db/schema';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createAgent, createConversation, createDepartment, nextClientId } from '@/test/factories';
import * as sessionDepartmentsRoute from '../../agent/agents/[id]/departments/route';
import * as sessionAgentRoute from '../../agent/agents/[id]/route';
import * as inviteAcceptRoute from '../../agent/invites/[token]/route';
import * as departmentsRoute from './[id]/departments/route';
import * as inviteRoute from './[id]/invite/route';
import * as passwordRoute from './[id]/password/route';
import * as agentRoute from './[id]/route';
import * as agentsRoute from './route';

type As = { token?: string; cookie?: string };
const SERVICE: As = { token: env().serviceToken! };

const call = (method: string, path: string, as: As, body?: unknown) =>
  apiRequest(method, `/admin/agents${path}`, {
    body,
    token: as.token,
    headers: as.cookie ? { cookie: as.cookie } : {},
  });

const api = {
  list: (as: As) => agentsRoute.GET(call('GET', '', as)),
  create: (as: As, body: unknown) => agentsRoute.POST(call('POST', '', as, body)),
  get: (as: As, id: string) => agentRoute.GET(call('GET', `/${id}`, as), routeParams({ id })),
  update: (as: As, id: string, body: unknown) =>
    agentRoute.PATCH(call('PATCH', `/${id}`, as, body), routeParams({ id })),
  remove: (as: As, id: string) =>
    agentRoute.DELETE(call('DELETE', `/${id}`, as), routeParams({ id })),
  password: (as: As, id: string, body?: unknown) =>
    passwordRoute.POST(call('POST', `/${id}/password`, as, body), routeParams({ id })),
  departments: (as: As, id: string, body: unknown) =>
    departmentsRoute.PUT(call('PUT', `/${id}/departments`, as, body), routeParams({ id })),
  invite: (as: As, id: string) =>
    inviteRoute.GET(call('GET', `/${id}/invite`, as), routeParams({ id })),
  reissue: (as: As, id: string) =>
    inviteRoute.POST(call('POST', `/${id}/invite`, as), routeParams({ id })),
};

const accept = (url: string, password: string) => {
  const token = new URL(url).pathname.split('/').pop()!;
  return inviteAcceptRoute.POST(
    apiRequest('POST', `/agent/invites/${token}`, { body: { password } }),
    routeParams({ token }),
  );
};

const newEmail = () => `agent-${nextClientId()}@example.com`.toLowerCase();

async function signedIn(role: 'admin' | 'agent') {
  const agent = await createAgent({ role });
  return { agent, as: { cookie: await sessionCookie(agent.id) } as As };
}

async function teamAgent(id: string): Promise<TeamAgent> {
  const { agents: team } = (await (await api.list(SERVICE)).json()) as { agents: TeamAgent[] };
  return team.find((agent) => agent.id === id)!;
}

const audits = async (action: string) =>
  db().select().from(auditLog).where(eq(auditLog.action, action));

describe('who may call /api/v1/admin/agents', () => {
  it('answers 401 without credentials or with a wrong token, 403 to an agent, 200 to admins', async () => {
    const target = await createAgent();
    const agent = await signedIn('agent');
    const admin = await signedIn('admin');
    const id = target.id;
    const calls: ((as: As) => Promise<Response>)[] = [
      (as) => api.list(as),
      (as) => api.create(as, { name: 'Dee', email: newEmail(), password: 'a long password' }),
      (as) => api.get(as, id),
      (as) => api.update(as, id, { name: 'Renamed' }),
      (as) => api.password(as, id, { password: 'another long password' }),
      (as) => api.departments(as, id, { departmentIds: [] }),
    ];
    for (const request of calls) {
      await expectError(await request({}), 401, 'unauthorized');
      await expectError(await request({ token: 'not-a-real-token-000000' }), 401, 'unauthorized');
      await expectError(await request(agent.as), 403, 'forbidden');
      expect((await request(SERVICE)).status).toBeLessThan(300);
      expect((await request(admin.as)).status).toBeLessThan(300);
    }
    await expectError(await api.remove({}, id), 401, 'unauthorized');
    await expectError(await api.remove(agent.as, id), 403, 'forbidden');
    await expectError(await api.invite(agent.as, id), 403, 'forbidden');
    await expectError(await api.reissue({}, id), 401, 'unauthorized');
    expect((await api.remove(admin.as, id)).status).toBe(200);
  });

  it('answers 404 for an unknown agent and 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expectError(await api.get(SERVICE, unknown), 404, 'not_found');
    await expectError(await api.update(SERVICE, unknown, { role: 'admin' }), 404, 'not_found');
    await expectError(await api.remove(SERVICE, unknown), 404, 'not_found');
    await expectError(await api.password(SERVICE, unknown), 404, 'not_found');
    await expectError(
      await api.departments(SERVICE, unknown, { departmentIds: [] }),
      404,
      'not_found',
    );
    await expectError(await api.invite(SERVICE, unknown), 404, 'not_found');
    await expectError(await api.reissue(SERVICE, unknown), 404, 'not_found');
    await expectError(await api.get(SERVICE, 'not-a-uuid'), 400, 'invalid_request');
    await expectError(await api.remove(SERVICE, 'not-a-uuid'), 400, 'invalid_request');
  });
});

describe('adding agents', () => {
  it('validates the body and refuses a second agent with the same email', async () => {
    for (const body of [
      {},
      { name: 'Dee', email: 'not an email' },
      { name: '', email: newEmail() },
      { name: 'Dee', email: newEmail(), password: 'short' },
      { name: 'Dee', email: newEmail(), role: 'owner' },
      { name: 'Dee', email: newEmail(), extra: true },
      { name: 'Dee', email: newEmail(), departmentIds: ['nope'] },
    ]) {
      await expectError(await api.create(SERVICE, body), 400, 'invalid_request');
    }
    await expectError(
      await agentsRoute.POST(apiRequest('POST', '/admin/agents', { ...SERVICE, body: '{"name":' })),
      400,
      'invalid_request',
    );
    const email = newEmail();
    const created = await api.create(SERVICE, { name: 'Dee', email, password: 'a long password' });
    expect(created.status).toBe(201);
    const { agent, invite } = await created.json();
    expect(invite).toBeNull();
    expect(agent).toMatchObject({
      name: 'Dee',
      email,
      role: 'agent',
      active: true,
      pending: false,
    });
    await expectError(
      await api.create(SERVICE, { name: 'Dee', email: email.toUpperCase() }),
      409,
      'conflict',
    );
    await expectError(
      await api.create(SERVICE, {
        name: 'Eve',
        email: newEmail(),
        departmentIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      404,
      'not_found',
    );
    const [audit] = (await audits('agent.created')).filter((a) => a.meta.agentId === agent.id);
    expect(audit).toMatchObject({ actor: 'service' });
  });

  it('shows an invited agent as pending until they accept the link, which works once', async () => {
    const sales = await createDepartment({ name: 'Sales' });
    const created = await api.create(SERVICE, {
      name: 'Finn',
      email: newEmail(),
      role: 'admin',
      departmentIds: [sales.id],
    });
    expect(created.status).toBe(201);
    const { agent, invite } = await created.json();
    expect(invite.url).toMatch(/\/invite\/[\w-]{20,}$/);
    expect(agent).toMatchObject({
      role: 'admin',
      pending: true,
      invite: { expired: false, expiresAt: invite.expiresAt },
      departmentIds: [sales.id],
    });

    // The same link can be copied again later, as long as it is pending.
    const again = await api.invite(SERVICE, agent.id);
    expect(again.status).toBe(200);
    expect((await again.json()).invite).toEqual({ ...invite, expired: false });

    expect((await accept(invite.url, 'my own long password')).status).toBe(200);
    expect(await teamAgent(agent.id)).toMatchObject({ pending: false, invite: null });
    await expectError(await accept(invite.url, 'a second long password'), 404, 'not_found');
    await expectError(await api.invite(SERVICE, agent.id), 404, 'not_found');
    // Accepted: a new link is a password reset, not a re-issued invitation.
    await expectError(await api.reissue(SERVICE, agent.id), 409, 'conflict');
  });

  it('re-issues a link (the old one stops working) and shows an expired one as expired', async () => {
    const { agent, invite } = await (
      await api.create(SERVICE, { name: 'Gus', email: newEmail() })
    ).json();
    const reissued = await api.reissue(SERVICE, agent.id);
    expect(reissued.status).toBe(201);
    const fresh = (await reissued.json()).invite;
    expect(fresh.url).not.toBe(invite.url);
    await expectError(await accept(invite.url, 'a long enough password'), 404, 'not_found');

    await db()
      .update(agentInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(agentInvites.agentId, agent.id));
    expect(await teamAgent(agent.id)).toMatchObject({ pending: true, invite: { expired: true } });
    expect((await (await api.invite(SERVICE, agent.id)).json()).invite).toMatchObject({
      url: fresh.url,
      expired: true,
    });
    await expectError(await accept(fresh.url, 'a long enough password'), 404, 'not_found');
    expect((await audits('agent.invite_reissued')).map((a) => a.meta.agentId)).toContain(agent.id);
  });
});

describe('changing agents', () => {
  it('changes the role and validates the change', async () => {
    const target = await createAgent();
    const promoted = await api.update(SERVICE, target.id, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect((await promoted.json()).agent).toMatchObject({ id: target.id, role: 'admin' });
    for (const body of [{}, { role: 'owner' }, { active: 'no' }, { email: 'x@example.com' }]) {
      await expectError(await api.update(SERVICE, target.id, body), 400, 'invalid_request');
    }
    const [audit] = (await audits('agent.updated')).filter((a) => a.meta.agentId === target.id);
    expect(audit!.meta).toMatchObject({ changes: { role: 'admin' } });
  });

  it('resets a password to a new one or to a one-time link', async () => {
    const target = await createAgent();
    const set = await api.password(SERVICE, target.id, { password: 'a brand new password' });
    expect(await set.json()).toEqual({ invite: null });
    await expectError(
      await api.password(SERVICE, target.id, { password: 'short' }),
      400,
      'invalid_request',
    );
    const link = await (await api.password(SERVICE, target.id)).json();
    expect(link.invite.url).toMatch(/\/invite\//);
    expect(await teamAgent(target.id)).toMatchObject({ pending: true });
    expect((await accept(link.invite.url, 'chosen by the agent')).status).toBe(200);
  });

  it('sets the departments an agent belongs to, as a whole set', async () => {
    const [support, billing] = [await createDepartment(), await createDepartment()];
    const target = await createAgent();
    const set = (departmentIds: unknown) => api.departments(SERVICE, target.id, { departmentIds });

    const first = await set([support.id, billing.id, support.id]);
    expect(first.status).toBe(200);
    expect((await first.json()).agent.departmentIds.sort()).toEqual(
      [support.id, billing.id].sort(),
    );
    expect((await (await set([billing.id])).json()).agent.departmentIds).toEqual([billing.id]);
    const rows = await db()
      .select()
      .from(departmentMembers)
      .where(eq(departmentMembers.agentId, target.id));
    expect(rows.map((row) => row.departmentId)).toEqual([billing.id]);

    await expectError(await set(['nope']), 400, 'invalid_request');
    await expectError(await set('all'), 400, 'invalid_request');
    await expectError(await set(['00000000-0000-4000-8000-000000000000']), 404, 'not_found');
    // A refused change leaves the memberships as they were.
    expect((await teamAgent(target.id)).departmentIds).toEqual([billing.id]);
    // PATCH does the same as PUT.
    const patched = await departmentsRoute.PATCH(
      call('PATCH', `/${target.id}/departments`, SERVICE, { departmentIds: [] }),
      routeParams({ id: target.id }),
    );
    expect((await patched.json()).agent.departmentIds).toEqual([]);
    const trail = (await audits('agent.departments_set')).filter(
      (a) => a.meta.agentId === target.id,
    );
    expect(trail.map((a) => a.meta.departmentIds)).toEqual([
      [support.id, billing.id],
      [billing.id],
      [],
    ]);
  });
});

describe('deleting agents', () => {
  it('returns their open conversations to the unclaimed queue and keeps the history', async () => {
    const admin = await signedIn('admin');
    const ben = await createAgent({ name: 'Ben' });
    const benActor = { type: 'agent' as const, agentId: ben.id };
    const start = async () => {
      const { conversation } = await createConversation({ name: 'Rita' });
      await postCustomerMessage(conversation.id, { text: 'Help', clientId: nextClientId() });
      await claimConversation(conversation.id, ben.id, benActor);
      return conversation.id;
    };
    const waiting = await start();
    const answered = await start();
    await postAgentMessage(answered, ben.id, 'On it', benActor);
    await addNote(answered, ben.id, 'Asked for the order number', benActor);
    const closed = await start();
    await postAgentMessage(closed, ben.id, 'Done', benActor);
    await closeConversation(closed, benActor);
    const benCookie = await sessionCookie(ben.id);

    const response = await api.remove(admin.as, ben.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true, unassignedConversations: 2 });

    const row = async (id: string) =>
      (await db().select().from(conversations).where(eq(conversations.id, id)))[0]!;
    expect(await row(waiting)).toMatchObject({ status: 'open_unclaimed', assignedAgentId: null });
    expect((await row(waiting)).awaitingClaimSince).not.toBeNull();
    expect(await row(answered)).toMatchObject({ status: 'open_unclaimed', assignedAgentId: null });
    expect(await row(closed)).toMatchObject({ status: 'closed', assignedAgentId: null });

    const written = await db().select().from(messages).where(eq(messages.conversationId, answered));
    expect(written.find((m) => m.text === 'On it')).toMatchObject({
      agentId: null,
      agentName: 'Ben',
    });
    const [note] = await db().select().from(notes).where(eq(notes.conversationId, answered));
    expect(note).toMatchObject({ agentId: null, authorName: 'Ben' });

    const [audit] = (await audits('agent.deleted')).filter((a) => a.meta.agentId === ben.id);
    expect(audit).toMatchObject({ actor: `agent:${admin.agent.id}` });
    expect(audit!.meta).toMatchObject({ name: 'Ben', unassignedConversations: 2 });
    const unassigned = await db()
      .select()
      .from(events)
      .where(eq(events.type, 'conversation.unassigned'));
    expect(unassigned.map((e) => e.conversationId).sort()).toEqual([waiting, answered].sort());
    const signOut = (await db().select().from(events).where(eq(events.type, 'agent.updated')))
      .map((e) => e.payload)
      .filter((p) => p.agentId === ben.id)
      .at(-1);
    expect(signOut).toEqual({ agentId: ben.id, active: false });

    // Gone: 404 to the admin API, 401 to their own session.
    await expectError(await api.get(SERVICE, ben.id), 404, 'not_found');
    await expectError(
      await sessionAgentRoute.PATCH(
        apiRequest('PATCH', `/agent/agents/${ben.id}`, {
          body: { name: 'x' },
          headers: { cookie: benCookie },
        }),
        routeParams({ id: ben.id }),
      ),
      401,
      'unauthorized',
    );
  });

  it('refuses to delete yourself or the last active admin', async () => {
    const admin = await signedIn('admin');
    await expectError(await api.remove(admin.as, admin.agent.id), 409, 'conflict');
    await expectError(
      await api.update(admin.as, admin.agent.id, { role: 'agent' }),
      409,
      'conflict',
    );

    // Leave one active admin: a token has no self, but the team keeps its last admin.
    await db()
      .update(agents)
      .set({ active: false })
      .where(and(eq(agents.role, 'admin'), ne(agents.id, admin.agent.id)));
    await expectError(await api.remove(SERVICE, admin.agent.id), 409, 'conflict');
    await expectError(
      await api.update(SERVICE, admin.agent.id, { active: false }),
      409,
      'conflict',
    );
    await expectError(
      await api.update(SERVICE, admin.agent.id, { role: 'agent' }),
      409,
      'conflict',
    );

    // With a second active admin, either may go.
    const other = await createAgent({ role: 'admin' });
    expect((await api.remove(SERVICE, admin.agent.id)).status).toBe(200);
    await expectError(await api.remove(SERVICE, other.id), 409, 'conflict');
    // A disabled admin is not the one keeping the team running: deleting them is fine.
    const disabled = await createAgent({ role: 'admin', active: false });
    expect((await api.remove(SERVICE, disabled.id)).status).toBe(200);
  });
});

describe("the console's session routes under /api/v1/agent/agents", () => {
  it('share the same handlers: an admin session deletes and sets departments, a token is refused', async () => {
    const admin = await signedIn('admin');
    const target = await createAgent();
    const department = await createDepartment();
    const headers = { cookie: admin.as.cookie! };
    const set = await sessionDepartmentsRoute.PUT(
      apiRequest('PUT', `/agent/agents/${target.id}/departments`, {
        body: { departmentIds: [department.id] },
        headers,
      }),
      routeParams({ id: target.id }),
    );
    expect((await set.json()).agent.departmentIds).toEqual([department.id]);
    // Bearer tokens belong to the admin API only.
    await expectError(
      await sessionAgentRoute.DELETE(
        apiRequest('DELETE', `/agent/agents/${target.id}`, SERVICE),
        routeParams({ id: target.id }),
      ),
      401,
      'unauthorized',
    );
    const removed = await sessionAgentRoute.DELETE(
      apiRequest('DELETE', `/agent/agents/${target.id}`, { headers }),
      routeParams({ id: target.id }),
    );
    expect(await removed.json()).toEqual({ deleted: true, unassignedConversations: 0 });
  });
});
