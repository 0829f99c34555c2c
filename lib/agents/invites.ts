// One-time links with which an agent chooses a password: for a new agent added without
// one, or after an admin resets it. Only a hash of the token is stored.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Actor, serviceActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { InviteLink } from '../contracts/agent';
import type { Queryable } from '../db/client';
import { agentInvites, agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { env } from '../env';
import { AppError } from '../errors';
import { recordEvent } from '../events/record-event';
import { hashPassword } from './password';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Replaces any earlier link of this agent with a new one. */
export async function createInvite(tx: Queryable, agentId: string): Promise<InviteLink> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await tx.delete(agentInvites).where(eq(agentInvites.agentId, agentId));
  await tx.insert(agentInvites).values({ agentId, tokenHash: hashToken(token), expiresAt });
  return { url: `${env().publicUrl}/invite/${token}`, expiresAt: expiresAt.toISOString() };
}

/** Whether the link is still good (for the page that asks for the password). */
export async function findInvite(tx: Queryable, token: string) {
  const [row] = await tx
    .select({ agentId: agentInvites.agentId, email: agents.email, name: agents.name })
    .from(agentInvites)
    .innerJoin(agents, eq(agents.id, agentInvites.agentId))
    .where(
      and(
        eq(agentInvites.tokenHash, hashToken(token)),
        isNull(agentInvites.usedAt),
        gt(agentInvites.expiresAt, new Date()),
        eq(agents.active, true),
      ),
    );
  return row;
}

export async function acceptInvite(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return inTransaction(async (tx) => {
    const invite = await findInvite(tx, token);
    if (!invite) throw new AppError('not_found', 'This link has expired or was already used');
    await tx
      .update(agentInvites)
      .set({ usedAt: new Date() })
      .where(eq(agentInvites.tokenHash, hashToken(token)));
    await tx
      .update(agents)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(agents.id, invite.agentId));
    const actor: Actor = { type: 'agent', agentId: invite.agentId };
    await writeAudit(tx, actor, 'agent.password_set', null, { agentId: invite.agentId });
    await recordEvent(tx, 'agent.updated', serviceActor, null, {
      agentId: invite.agentId,
      active: true,
    });
    return { email: invite.email ?? '' };
  });
}
