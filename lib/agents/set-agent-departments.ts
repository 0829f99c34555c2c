// Which departments an agent belongs to (they see and are notified of those conversations
// first). The console sets the whole set at once; the change is audited.
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { TeamAgent } from '../contracts/agent';
import type { Queryable } from '../db/client';
import { agents, departmentMembers, departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { getTeamAgent } from './list-team';

/** Replaces the agent's memberships inside the caller's transaction; ids are distinct. */
export async function replaceMemberships(
  tx: Queryable,
  agentId: string,
  departmentIds: string[],
): Promise<void> {
  if (departmentIds.length > 0) {
    const found = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(inArray(departments.id, departmentIds));
    const known = new Set(found.map((row) => row.id));
    const unknown = departmentIds.find((id) => !known.has(id));
    if (unknown) throw notFound(`Department ${unknown}`);
  }
  await tx.delete(departmentMembers).where(eq(departmentMembers.agentId, agentId));
  if (departmentIds.length > 0) {
    await tx
      .insert(departmentMembers)
      .values(departmentIds.map((departmentId) => ({ departmentId, agentId })));
  }
}

export async function setAgentDepartments(
  agentId: string,
  departmentIds: string[],
  actor: Actor,
): Promise<TeamAgent> {
  return inTransaction(async (tx) => {
    const [agent] = await tx
      .select({ id: agents.id, active: agents.active })
      .from(agents)
      .where(eq(agents.id, agentId))
      .for('update');
    if (!agent) throw notFound('Agent');
    await replaceMemberships(tx, agentId, departmentIds);
    await writeAudit(tx, actor, 'agent.departments_set', null, { agentId, departmentIds });
    await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: agent.active });
    return getTeamAgent(tx, agentId);
  });
}
