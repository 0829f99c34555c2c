// An agent sets or removes their profile photo. The old photo goes in the same
// transaction, so an agent has at most one and a removed one is no longer served.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { presentProfile } from '../agents/present';
import { writeAudit } from '../audit/write-audit';
import type { Profile } from '../contracts/agent';
import type { Queryable } from '../db/client';
import { agentAvatars, agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { AVATAR_TYPE } from './avatar-url';
import { avatarHash, processAvatar } from './process-avatar';

async function replaceAvatar(
  tx: Queryable,
  agentId: string,
  avatar: { hash: string; data: Buffer } | null,
  actor: Actor,
): Promise<Profile> {
  const [locked] = await tx
    .select({ id: agents.id })
    .from(agents)
    .where(eq(agents.id, agentId))
    .for('update');
  if (!locked) throw notFound('Agent');
  await tx.delete(agentAvatars).where(eq(agentAvatars.agentId, agentId));
  if (avatar) {
    await tx.insert(agentAvatars).values({ ...avatar, agentId, type: AVATAR_TYPE });
  }
  const [row] = await tx
    .update(agents)
    .set({ avatarHash: avatar?.hash ?? null, updatedAt: new Date() })
    .where(eq(agents.id, agentId))
    .returning();
  await writeAudit(tx, actor, avatar ? 'agent.avatar_set' : 'agent.avatar_removed', null, {
    agentId,
  });
  // The inbox re-reads the team, so the new face shows up everywhere at once.
  await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: row!.active });
  return presentProfile(row!);
}

export async function setAgentAvatar(
  agentId: string,
  bytes: Buffer,
  actor: Actor,
): Promise<Profile> {
  const data = await processAvatar(bytes);
  const hash = avatarHash(agentId, data);
  return inTransaction((tx) => replaceAvatar(tx, agentId, { hash, data }, actor));
}

export async function removeAgentAvatar(agentId: string, actor: Actor): Promise<Profile> {
  return inTransaction((tx) => replaceAvatar(tx, agentId, null, actor));
}
