// Agent sessions: next-auth's JWT cookie, verified the same way for pages, route handlers
// and the `/agent` socket. The agent row is read on every check, so a disabled agent or a
// changed role takes effect at once, whatever the token says.
import { getToken } from 'next-auth/jwt';
import { getAgent } from '../agents/agents';
import type { SessionAgent } from '../contracts/agent';
import { db } from '../db/client';
import type { AgentRow } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';

/** How long a session lasts without the inbox being opened. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 3600;

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

/** The agent id in a valid session cookie, or undefined. */
export async function sessionAgentId(cookies: Record<string, string>): Promise<string | undefined> {
  const { authSecret } = env();
  // Only cookies: a Bearer header on the same request is an API token, never a session.
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: authSecret,
  }).catch(() => null);
  return typeof token?.sub === 'string' ? token.sub : undefined;
}

/** The signed-in, active agent; 401 `unauthorized` otherwise. */
export async function authenticateSession(cookies: Record<string, string>): Promise<AgentRow> {
  const agentId = await sessionAgentId(cookies);
  if (!agentId) throw new AppError('unauthorized', 'Sign in to continue');
  const agent = await getAgent(db(), agentId);
  if (!agent?.active) throw new AppError('unauthorized', 'This session is no longer valid');
  return agent;
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
