// Sessions that end: each sign-in is a row whose id rides in the session cookie, and the
// agent's session version, also in the cookie, ends all of them at once. Every check of a
// session (pages, route handlers, the `/agent` socket) compares both with the database.
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { db, type Queryable } from '../db/client';
import { type AgentRow, agentSessions, agents } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';

/** How long a session lasts without the inbox being opened. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 3600;

export interface SessionClaims {
  agentId: string;
  sessionId: string;
  version: number;
}

/** Opens a session for an agent who has just signed in. */
export async function startAgentSession(agentId: string): Promise<SessionClaims> {
  const [agent] = await db()
    .select({ version: agents.sessionVersion })
    .from(agents)
    .where(eq(agents.id, agentId));
  const [session] = await db().insert(agentSessions).values({ agentId }).returning();
  // Rows of sessions that can no longer be valid go when their agent signs in again.
  const stale = new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000);
  await db()
    .delete(agentSessions)
    .where(and(eq(agentSessions.agentId, agentId), lt(agentSessions.createdAt, stale)));
  return { agentId, sessionId: session!.id, version: agent?.version ?? 1 };
}

/** The agent behind valid claims: active, same session version, session not ended. */
export async function getSessionAgent(claims: SessionClaims): Promise<AgentRow | undefined> {
  const [row] = await db()
    .select({ agent: agents, endedAt: agentSessions.endedAt })
    .from(agents)
    .innerJoin(
      agentSessions,
      and(eq(agentSessions.id, claims.sessionId), eq(agentSessions.agentId, agents.id)),
    )
    .where(eq(agents.id, claims.agentId));
  if (!row || row.endedAt || !row.agent.active) return undefined;
  if (row.agent.sessionVersion !== claims.version) return undefined;
  return row.agent;
}

/** Ends one session (signing out): its cookie and its sockets stop working. */
export async function endAgentSession(claims: SessionClaims): Promise<void> {
  await inTransaction(async (tx) => {
    const ended = await tx
      .update(agentSessions)
      .set({ endedAt: new Date() })
      .where(and(eq(agentSessions.id, claims.sessionId), isNull(agentSessions.endedAt)))
      .returning({ id: agentSessions.id });
    if (ended.length === 0) return;
    await recordEvent(tx, 'agent.updated', { type: 'agent', agentId: claims.agentId }, null, {
      agentId: claims.agentId,
      active: true,
      endedSessionId: claims.sessionId,
    });
  });
}

/**
 * Ends every session of an agent, in the caller's transaction: the version goes up, so every
 * cookie issued before is refused, and the `agent.updated` event drops their sockets.
 */
export async function endAllAgentSessions(
  tx: Queryable,
  agentId: string,
  actor: Actor,
): Promise<void> {
  const [row] = await tx
    .update(agents)
    .set({ sessionVersion: sql`${agents.sessionVersion} + 1` })
    .where(eq(agents.id, agentId))
    .returning({ active: agents.active });
  if (!row) return;
  await tx
    .update(agentSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(agentSessions.agentId, agentId), isNull(agentSessions.endedAt)));
  await recordEvent(tx, 'agent.updated', actor, null, {
    agentId,
    active: row.active,
    sessionsEnded: true,
  });
}
