// Which agents belong to a department. Called inside a create or update, so the members
// change in the same transaction as the rest and under the same audit entry.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Transaction } from '../db/client';
import { agents, departmentMembers } from '../db/schema';
import { AppError } from '../errors';

/** Makes the department's members exactly `agentIds`; returns whether anything changed. */
export async function setDepartmentMembers(
  tx: Transaction,
  departmentId: string,
  agentIds: string[],
): Promise<boolean> {
  if (agentIds.length) {
    const known = await tx
      .select({ id: agents.id })
      .from(agents)
      .where(inArray(agents.id, agentIds));
    if (known.length !== agentIds.length) {
      const missing = agentIds.find((id) => !known.some((k) => k.id === id));
      throw new AppError('invalid_request', `memberIds: no agent ${missing}`);
    }
  }
  const removed = await tx
    .delete(departmentMembers)
    .where(
      and(
        eq(departmentMembers.departmentId, departmentId),
        agentIds.length ? notInArray(departmentMembers.agentId, agentIds) : undefined,
      ),
    )
    .returning({ agentId: departmentMembers.agentId });
  const added = agentIds.length
    ? await tx
        .insert(departmentMembers)
        .values(agentIds.map((agentId) => ({ departmentId, agentId })))
        .onConflictDoNothing()
        .returning({ agentId: departmentMembers.agentId })
    : [];
  return removed.length > 0 || added.length > 0;
}
