// An agent's own profile: the name customers see, the closing message used on close, and
// whether the widget shows them among the team (the photo: lib/avatars/set-avatar.ts).
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { Profile } from '../contracts/agent';
import { db } from '../db/client';
import { agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { getAgent } from './agents';
import { presentProfile } from './present';

export async function getProfile(agentId: string): Promise<Profile> {
  const row = await getAgent(db(), agentId);
  if (!row) throw notFound('Agent');
  return presentProfile(row);
}

export async function updateProfile(
  agentId: string,
  changes: { name?: string; closingMessage?: string | null; shownInWidget?: boolean },
  actor: Actor,
): Promise<Profile> {
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(agents)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.closingMessage !== undefined
          ? { closingMessage: changes.closingMessage || null }
          : {}),
        ...(changes.shownInWidget !== undefined ? { shownInWidget: changes.shownInWidget } : {}),
        updatedAt: new Date(),
      })
      .where(eq(agents.id, agentId))
      .returning();
    if (!row) throw notFound('Agent');
    await writeAudit(tx, actor, 'agent.profile_updated', null, {
      agentId,
      fields: Object.keys(changes),
    });
    await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: row.active });
    return presentProfile(row);
  });
}
