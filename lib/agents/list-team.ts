// Reading the team as the console shows it: each agent with their outstanding one-time link
// (pending until accepted) and the departments they belong to.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TeamAgent } from '../contracts/agent';
import { db, type Queryable } from '../db/client';
import { agentInvites, agents, departmentMembers } from '../db/schema';
import { notFound } from '../errors';
import { presentTeamAgent } from './present';

async function readTeam(tx: Queryable, agentId?: string): Promise<TeamAgent[]> {
  // An agent has at most one unused link: issuing one replaces the earlier ones.
  const rows = await tx
    .select({ agent: agents, inviteExpiresAt: agentInvites.expiresAt })
    .from(agents)
    .leftJoin(agentInvites, and(eq(agentInvites.agentId, agents.id), isNull(agentInvites.usedAt)))
    .where(agentId ? eq(agents.id, agentId) : undefined)
    .orderBy(asc(agents.name), asc(agents.id));
  if (rows.length === 0) return [];
  const memberships = await tx
    .select({ agentId: departmentMembers.agentId, departmentId: departmentMembers.departmentId })
    .from(departmentMembers)
    .where(agentId ? eq(departmentMembers.agentId, agentId) : undefined)
    .orderBy(asc(departmentMembers.createdAt), asc(departmentMembers.departmentId));
  const byAgent = new Map<string, string[]>();
  for (const { agentId: id, departmentId } of memberships) {
    byAgent.set(id, [...(byAgent.get(id) ?? []), departmentId]);
  }
  const now = new Date();
  return rows.map(({ agent, inviteExpiresAt }) =>
    presentTeamAgent(agent, { inviteExpiresAt, departmentIds: byAgent.get(agent.id) ?? [], now }),
  );
}

export function listTeam(): Promise<TeamAgent[]> {
  return readTeam(db());
}

/** One agent as the team list shows them; 404 when there is none. */
export async function getTeamAgent(tx: Queryable, agentId: string): Promise<TeamAgent> {
  const [agent] = await readTeam(tx, agentId);
  if (!agent) throw notFound('Agent');
  return agent;
}

export function findTeamAgent(agentId: string): Promise<TeamAgent> {
  return getTeamAgent(db(), agentId);
}
