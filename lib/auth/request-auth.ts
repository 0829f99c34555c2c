// Session authentication for route handlers (the agent API and the admin API).
import type { Actor } from '../actor';
import type { AgentRow } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';
import { authenticateSession, parseCookies, requireAdminRole } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookies ride along on requests from any site: a state-changing request must come from
 * Parley's own pages (SameSite=Lax already keeps most cross-site posts out).
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(env().publicUrl).origin) {
    throw new AppError('forbidden', `Origin ${origin} may not act for a signed-in agent`);
  }
}

/** The signed-in, active agent making this request; 401 without a valid session. */
export async function authenticateAgentRequest(request: Request): Promise<AgentRow> {
  const { agent } = await authenticateSession(parseCookies(request.headers.get('cookie')));
  assertSameOrigin(request);
  return agent;
}

/** The signed-in admin; an agent's session gets 403 `forbidden`. */
export async function authenticateAdminRequest(request: Request): Promise<AgentRow> {
  const agent = await authenticateAgentRequest(request);
  requireAdminRole(agent);
  return agent;
}

export const agentActor = (agent: Pick<AgentRow, 'id'>): Actor => ({
  type: 'agent',
  agentId: agent.id,
});
