// Agent sessions: next-auth's JWT cookie, verified the same way for pages, route handlers
// and the `/agent` socket. The cookie names the agent, its session and the session version;
// the database says whether all three still hold (lib/auth/agent-sessions.ts), so a disabled
// agent, a changed role or password, or a sign-out takes effect at once.
import { getToken } from 'next-auth/jwt';
import type { SessionAgent } from '../contracts/agent';
import type { AgentRow } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';
import { getSessionAgent, type SessionClaims } from './agent-sessions';

export { SESSION_MAX_AGE_SECONDS } from './agent-sessions';

/** Parses a `Cookie` header into the name → value object next-auth's `getToken` expects. */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/** The claims of a validly signed session token (cookie values or the decoded JWT). */
export function claimsOf(
  token: Record<string, unknown> | null | undefined,
): SessionClaims | undefined {
  const { sub, sid, sv } = token ?? {};
  if (typeof sub !== 'string' || typeof sid !== 'string' || typeof sv !== 'number')
    return undefined;
  return { agentId: sub, sessionId: sid, version: sv };
}

/** The claims in a validly signed session cookie, or undefined. */
export async function sessionClaims(
  cookies: Record<string, string>,
): Promise<SessionClaims | undefined> {
  const { authSecret } = env();
  // Only cookies: a Bearer header on the same request is an API token, never a session.
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: authSecret,
    // Behind https next-auth names the cookie `__Secure-…`; read whichever is there.
    secureCookie: Object.keys(cookies).some((name) => name.startsWith('__Secure-next-auth')),
  }).catch(() => null);
  return claimsOf(token as Record<string, unknown> | null);
}

export interface AuthenticatedSession {
  agent: AgentRow;
  sessionId: string;
}

/** The signed-in, active agent and their session; 401 `unauthorized` otherwise. */
export async function authenticateSession(
  cookies: Record<string, string>,
): Promise<AuthenticatedSession> {
  const claims = await sessionClaims(cookies);
  if (!claims) throw new AppError('unauthorized', 'Sign in to continue');
  const agent = await getSessionAgent(claims);
  if (!agent) throw new AppError('unauthorized', 'This session has ended; sign in again');
  return { agent, sessionId: claims.sessionId };
}

export function isAdmin(agent: Pick<AgentRow, 'role'>): boolean {
  return agent.role === 'admin';
}

/** 403 `forbidden` for an agent on something only admins may do. */
export function requireAdminRole(agent: Pick<AgentRow, 'role'>): void {
  if (!isAdmin(agent)) throw new AppError('forbidden', 'Only admins may do this');
}

export function presentSessionAgent(row: AgentRow): SessionAgent {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}
