// Admins manage the team: add agents (with a password or a one-time link), change role,
// disable and re-enable, reset passwords. Disabling signs the agent out everywhere: the
// `agent.updated` event drops their sockets, and every session check reads `active`.
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CreateAgentInput, InviteLink, TeamAgent, UpdateAgentInput } from '../contracts/agent';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { createInvite } from './invites';
import { hashPassword } from './password';
import { presentTeamAgent } from './present';

export async function listTeam(): Promise<TeamAgent[]> {
  const rows = await db().select().from(agents).orderBy(asc(agents.name), asc(agents.id));
  return rows.map(presentTeamAgent);
}

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
      const invite = passwordHash ? null : await createInvite(tx, row!.id);
      await writeAudit(tx, actor, 'agent.created', null, { agentId: row!.id, role: row!.role });
      await recordEvent(tx, 'agent.updated', actor, null, { agentId: row!.id, active: true });
      return { agent: presentTeamAgent(row!), invite };
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
    // An admin cannot lock themselves out; another admin can.
    const self = actor.type === 'agent' && actor.agentId === agentId;
    if (self && (input.active === false || input.role === 'agent')) {
      throw conflict('You cannot disable yourself or remove your own admin role');
    }
    const [row] = await tx
      .update(agents)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(agents.id, agentId))
      .returning();
    await writeAudit(tx, actor, 'agent.updated', null, { agentId, changes: input });
    await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: row!.active });
    return presentTeamAgent(row!);
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
    return { invite };
  });
}
