// Admins manage the team: add agents (with a password or a one-time link), change role or
// name, disable and re-enable, reset passwords. Disabling, a role change and a password
// reset end every session of the agent at once (lib/auth/agent-sessions.ts): their cookies
// are refused from then on and the `agent.updated` event drops their sockets.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { endAllAgentSessions } from '../auth/agent-sessions';
import type { CreateAgentInput, InviteLink, TeamAgent, UpdateAgentInput } from '../contracts/agent';
import { isUniqueViolation } from '../db/errors';
import { agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { assertAnotherActiveAdmin, isSelf } from './admin-guard';
import { createInvite } from './invites';
import { getTeamAgent } from './list-team';
import { hashPassword } from './password';
import { replaceMemberships } from './set-agent-departments';

export { listTeam } from './list-team';

export async function addAgent(
  input: CreateAgentInput,
  actor: Actor,
): Promise<{ agent: TeamAgent; invite: InviteLink | null }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await inTransaction(async (tx) => {
      const [row] = await tx
        .insert(agents)
        .values({ name: input.name, email: input.email, role: input.role, passwordHash })
        .returning();
      const agentId = row!.id;
      if (input.departmentIds?.length) await replaceMemberships(tx, agentId, input.departmentIds);
      const invite = passwordHash ? null : await createInvite(tx, agentId);
      await writeAudit(tx, actor, 'agent.created', null, {
        agentId,
        role: row!.role,
        invited: invite !== null,
      });
      await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: true });
      return { agent: await getTeamAgent(tx, agentId), invite };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'agents_email_lower_idx')) {
      throw conflict(`An agent with the email ${input.email} already exists`);
    }
    throw error;
  }
}

export async function updateAgent(
  agentId: string,
  input: UpdateAgentInput,
  actor: Actor,
): Promise<TeamAgent> {
  return inTransaction(async (tx) => {
    const [current] = await tx.select().from(agents).where(eq(agents.id, agentId)).for('update');
    if (!current) throw notFound('Agent');
    const stopsBeingAdmin =
      current.role === 'admin' &&
      current.active &&
      (input.active === false || input.role === 'agent');
    if (stopsBeingAdmin) {
      // An admin cannot lock themselves out; another admin can, unless none would be left.
      if (isSelf(actor, agentId)) {
        throw conflict('You cannot disable yourself or remove your own admin role');
      }
      await assertAnotherActiveAdmin(tx, agentId);
    }
    await tx
      .update(agents)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(agents.id, agentId));
    await writeAudit(tx, actor, 'agent.updated', null, { agentId, changes: input });
    const endsSessions =
      input.active === false || (input.role !== undefined && input.role !== current.role);
    if (endsSessions) await endAllAgentSessions(tx, agentId, actor);
    else {
      await recordEvent(tx, 'agent.updated', actor, null, {
        agentId,
        active: input.active ?? current.active,
      });
    }
    return getTeamAgent(tx, agentId);
  });
}

/** Sets a new password, or (without one) clears it and returns a one-time link. */
export async function resetAgentPassword(
  agentId: string,
  password: string | undefined,
  actor: Actor,
): Promise<{ invite: InviteLink | null }> {
  const passwordHash = password ? await hashPassword(password) : null;
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(agents)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(agents.id, agentId))
      .returning({ id: agents.id, active: agents.active });
    if (!row) throw notFound('Agent');
    const invite = passwordHash ? null : await createInvite(tx, agentId);
    await writeAudit(tx, actor, 'agent.password_reset', null, { agentId, link: !passwordHash });
    await endAllAgentSessions(tx, agentId, actor);
    return { invite };
  });
}
