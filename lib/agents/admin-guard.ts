// The rules that keep a team manageable: an admin does not lock themselves out, and the
// last active admin stays. A `service` actor (the SERVICE_TOKEN, an API token) is nobody's
// self, so only the second rule applies to it.
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Queryable } from '../db/client';
import { agents } from '../db/schema';
import { conflict } from '../errors';

export const isSelf = (actor: Actor, agentId: string) =>
  actor.type === 'agent' && actor.agentId === agentId;

/**
 * Refuses a change that would leave no active admin once `agentId` stops being one. The
 * active admins' rows are locked in id order, so two admins removing each other at the same
 * moment are serialised and the second is refused.
 */
export async function assertAnotherActiveAdmin(tx: Queryable, agentId: string): Promise<void> {
  const admins = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.role, 'admin'), eq(agents.active, true)))
    .orderBy(asc(agents.id))
    .for('update');
  if (admins.every((admin) => admin.id === agentId)) {
    throw conflict('The team needs at least one active admin');
  }
}
