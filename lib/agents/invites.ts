// One-time links with which an agent chooses a password: for a new agent added without
// one, or after an admin resets it. Only a hash of the token is stored; the token itself is
// an HMAC of the link's id under AUTH_SECRET, so an admin can copy a pending link again
// without the database ever holding something that signs in.
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Actor, serviceActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { endAllAgentSessions } from '../auth/agent-sessions';
import type { InviteLink } from '../contracts/agent';
import { db, type Queryable } from '../db/client';
import { agentInvites, agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { env } from '../env';
import { AppError, conflict, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { sha256Hex } from '../sha256';
import { hashPassword } from './password';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

const hashToken = sha256Hex;

const tokenFor = (inviteId: string) =>
  createHmac('sha256', env().authSecret).update(`agent-invite:${inviteId}`).digest('base64url');

const linkFor = (token: string, expiresAt: Date): InviteLink => ({
  url: `${env().publicUrl}/invite/${token}`,
  expiresAt: expiresAt.toISOString(),
});

/** Replaces any earlier link of this agent with a new one. */
export async function createInvite(tx: Queryable, agentId: string): Promise<InviteLink> {
  const id = randomUUID();
  const token = tokenFor(id);
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  await tx.delete(agentInvites).where(eq(agentInvites.agentId, agentId));
  await tx.insert(agentInvites).values({ id, agentId, tokenHash: hashToken(token), expiresAt });
  return linkFor(token, expiresAt);
}

/**
 * The agent's pending link again (expired ones too, so the console can say so). A link
 * that cannot be rebuilt (AUTH_SECRET changed since) is reported missing: re-issue it.
 */
export async function getInviteLink(agentId: string): Promise<InviteLink & { expired: boolean }> {
  const [agent] = await db().select({ id: agents.id }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound('Agent');
  const [invite] = await db()
    .select()
    .from(agentInvites)
    .where(and(eq(agentInvites.agentId, agentId), isNull(agentInvites.usedAt)));
  const token = invite ? tokenFor(invite.id) : null;
  if (!invite || !token || hashToken(token) !== invite.tokenHash) {
    throw notFound('Pending link');
  }
  return { ...linkFor(token, invite.expiresAt), expired: invite.expiresAt <= new Date() };
}

/** A fresh link for an agent who has not chosen a password yet; the old link stops working. */
export async function reissueInvite(agentId: string, actor: Actor): Promise<InviteLink> {
  return inTransaction(async (tx) => {
    const [agent] = await tx
      .select({ id: agents.id, passwordHash: agents.passwordHash, active: agents.active })
      .from(agents)
      .where(eq(agents.id, agentId))
      .for('update');
    if (!agent) throw notFound('Agent');
    if (agent.passwordHash !== null) {
      throw conflict('This agent has a password already; reset it to send a new link');
    }
    const link = await createInvite(tx, agentId);
    await writeAudit(tx, actor, 'agent.invite_reissued', null, { agentId });
    await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: agent.active });
    return link;
  });
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

/** What the invitation page says for a token: the form, "expired", or "not valid". */
export async function getInviteStatus(
  token: string,
): Promise<
  { state: 'valid'; name: string; email: string } | { state: 'expired' } | { state: 'invalid' }
> {
  if (token.length < 20 || token.length > 200) return { state: 'invalid' };
  const valid = await findInvite(db(), token);
  if (valid) return { state: 'valid', name: valid.name, email: valid.email ?? '' };
  const [row] = await db()
    .select({ expiresAt: agentInvites.expiresAt, usedAt: agentInvites.usedAt })
    .from(agentInvites)
    .where(eq(agentInvites.tokenHash, hashToken(token)));
  return row && !row.usedAt && row.expiresAt <= new Date()
    ? { state: 'expired' }
    : { state: 'invalid' };
}

/**
 * Sets the password chosen through a link. The link is spent by one conditional update
 * before anything else, so of several submissions at once exactly one succeeds.
 */
export async function acceptInvite(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return inTransaction(async (tx) => {
    const invite = await findInvite(tx, token);
    const spent = invite
      ? await tx
          .update(agentInvites)
          .set({ usedAt: new Date() })
          .where(
            and(
              eq(agentInvites.tokenHash, hashToken(token)),
              isNull(agentInvites.usedAt),
              gt(agentInvites.expiresAt, new Date()),
            ),
          )
          .returning({ id: agentInvites.id })
      : [];
    if (!invite || spent.length === 0) {
      throw new AppError('not_found', 'This link has expired or was already used');
    }
    await tx
      .update(agents)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(agents.id, invite.agentId));
    const actor: Actor = { type: 'agent', agentId: invite.agentId };
    await writeAudit(tx, actor, 'agent.password_set', null, { agentId: invite.agentId });
    // A new password: whoever held a session from before holds it no longer.
    await endAllAgentSessions(tx, invite.agentId, serviceActor);
    return { email: invite.email ?? '' };
  });
}
