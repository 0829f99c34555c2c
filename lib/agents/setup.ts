// First run: while no agent exists, `/setup` creates the first admin and nothing else of
// the inbox or admin is reachable.
import { sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { SetupInput } from '../contracts/agent';
import { db, type Queryable } from '../db/client';
import { type AgentRow, agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict } from '../errors';
import { hashPassword } from './password';

const SETUP_LOCK = 7_123_101;

export async function hasAnyAgent(queryable: Queryable = db()): Promise<boolean> {
  const [row] = await queryable.select({ id: agents.id }).from(agents).limit(1);
  return Boolean(row);
}

export async function createFirstAdmin(input: SetupInput): Promise<AgentRow> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(async (tx) => {
    // Two browsers submitting /setup at once: one wins, the other gets 409.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasAnyAgent(tx)) throw conflict('Parley is already set up; sign in instead');
    const [admin] = await tx
      .insert(agents)
      .values({ name: input.name, email: input.email, role: 'admin', passwordHash })
      .returning();
    const actor: Actor = { type: 'agent', agentId: admin!.id };
    await writeAudit(tx, actor, 'agent.created', null, {
      agentId: admin!.id,
      role: 'admin',
      via: 'setup',
      by: actorLabel(actor),
    });
    return admin!;
  });
}
