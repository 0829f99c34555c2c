// Looking agents up, and the rule that only active agents act.
import { eq, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db/client';
import { type AgentRow, agents } from '../db/schema';
import { AppError, notFound } from '../errors';

export async function getAgentByEmail(tx: Queryable, email: string): Promise<AgentRow | undefined> {
  const [row] = await tx.select().from(agents).where(sql`lower(${agents.email}) = lower(${email})`);
  return row;
}

export async function getAgent(tx: Queryable, id: string): Promise<AgentRow | undefined> {
  const [row] = await tx.select().from(agents).where(eq(agents.id, id));
  return row;
}

/** The agent that is about to act: it must exist and be active. */
export async function requireActiveAgent(tx: Queryable, id: string): Promise<AgentRow> {
  const agent = await getAgent(tx, id);
  if (!agent) throw notFound('Agent');
  if (!agent.active) throw new AppError('forbidden', `${agent.name} is disabled`);
  return agent;
}

/** Resolves an agent named by email at an edge (admin API); 404 when there is none. */
export async function requireAgentByEmail(tx: Queryable, email: string): Promise<AgentRow> {
  const agent = await getAgentByEmail(tx, email);
  if (!agent) throw notFound(`Agent ${email}`);
  return agent;
}

/** The id of the agent an admin API request names by email (`agentEmail`); 404 if none. */
export async function findAgentIdByEmail(email: string): Promise<string> {
  return (await requireAgentByEmail(db(), email)).id;
}

export async function touchAgent(tx: Queryable, id: string): Promise<void> {
  await tx.update(agents).set({ lastSeenAt: new Date() }).where(eq(agents.id, id));
}
