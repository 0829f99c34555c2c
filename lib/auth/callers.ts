// Who is calling: the one place a request's credentials are resolved. A route declares the
// kinds of caller it accepts (lib/http/route.ts) and receives a typed caller:
// - `customer`: the widget's bearer token, bound to the conversation in the path, not revoked;
// - `agent`: any signed-in, active agent (the inbox's session cookie, from the inbox's origin);
// - `admin`: the same, with the admin role (an agent's session gets 403);
// - `service`: the SERVICE_TOKEN as bearer;
// - `apiToken`: an API token (`pk_…`) as bearer, not revoked.
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, customerActor, serviceActor } from '../actor';
import { verifyCustomerToken } from '../customer-token';
import { db } from '../db/client';
import { type AgentRow, apiTokens, conversations } from '../db/schema';
import { env } from '../env';
import { AppError, notFound } from '../errors';
import { authenticateSession, parseCookies, requireAdminRole } from './session';

export type CallerKind = 'customer' | 'agent' | 'admin' | 'service' | 'apiToken';

export type Caller =
  | { kind: 'customer'; conversationId: string; tokenVersion: number; actor: Actor }
  | { kind: 'agent' | 'admin'; agent: AgentRow; sessionId: string; actor: Actor }
  | { kind: 'service'; actor: Actor }
  | { kind: 'apiToken'; apiTokenId: string; actor: Actor };

/** The caller a route receives, given the kinds it accepts. */
export type CallerOf<K extends CallerKind> = K extends 'agent' | 'admin'
  ? { kind: K; agent: AgentRow; sessionId: string; actor: Actor }
  : Extract<Caller, { kind: K }>;

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time equality whatever the lengths (both sides are hashed first). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export function bearerToken(header: string | null | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

export const agentActor = (agent: Pick<AgentRow, 'id'>): Actor => ({
  type: 'agent',
  agentId: agent.id,
});

/**
 * A customer token, checked against the conversation it must belong to (when given): 401
 * for a missing, forged or revoked token, 403 for another conversation's, 404 for a
 * conversation that no longer exists.
 */
export async function authenticateCustomer(
  token: string | undefined,
  conversationId?: string,
): Promise<{ conversationId: string; tokenVersion: number }> {
  if (!token) throw new AppError('unauthorized', 'A customer token is required');
  const claims = await verifyCustomerToken(token);
  if (conversationId && claims.conversationId !== conversationId) {
    throw new AppError('forbidden', 'This token belongs to another conversation');
  }
  const [row] = await db()
    .select({ tokenVersion: conversations.tokenVersion })
    .from(conversations)
    .where(eq(conversations.id, claims.conversationId));
  if (!row) throw notFound('Conversation');
  if (row.tokenVersion !== claims.version) {
    throw new AppError('unauthorized', 'This token has been revoked');
  }
  return { conversationId: claims.conversationId, tokenVersion: row.tokenVersion };
}

/** The inbox's own origin: the only one whose pages may use an agent's session. */
export function isInboxOrigin(origin: string | null | undefined): boolean {
  return origin === new URL(env().publicUrl).origin;
}

/**
 * Cookies ride along on requests from any site: a request carrying a foreign Origin may
 * not act (or read) with an agent's session, whatever the widget allow-list says.
 */
function assertInboxOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin && !isInboxOrigin(origin)) {
    throw new AppError('forbidden', 'Only the inbox itself may use an agent session');
  }
}

async function apiTokenId(token: string): Promise<string | undefined> {
  const [row] = await db()
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, sha256(token).toString('hex')), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return row?.id;
}

async function bearerCaller(
  token: string,
  accepts: ReadonlySet<CallerKind>,
  conversationId: string | undefined,
): Promise<Caller> {
  if (accepts.has('customer')) {
    return {
      kind: 'customer',
      actor: customerActor,
      ...(await authenticateCustomer(token, conversationId)),
    };
  }
  const { serviceToken } = env();
  if (serviceToken && safeEqual(token, serviceToken)) {
    if (accepts.has('service')) return { kind: 'service', actor: serviceActor };
    throw new AppError('forbidden', 'The service token may not call this endpoint');
  }
  const id = await apiTokenId(token);
  if (!id) throw new AppError('unauthorized', 'Invalid or revoked token');
  if (!accepts.has('apiToken')) {
    throw new AppError(
      'forbidden',
      'API tokens may not call this endpoint; use the service token or an admin session',
    );
  }
  return { kind: 'apiToken', apiTokenId: id, actor: { type: 'service', apiTokenId: id } };
}

async function sessionCaller(request: Request, accepts: ReadonlySet<CallerKind>): Promise<Caller> {
  const { agent, sessionId } = await authenticateSession(
    parseCookies(request.headers.get('cookie')),
  );
  assertInboxOrigin(request);
  const actor = agentActor(agent);
  if (accepts.has('agent')) return { kind: 'agent', agent, sessionId, actor };
  requireAdminRole(agent);
  return { kind: 'admin', agent, sessionId, actor };
}

/**
 * Resolves the caller of a request among the kinds a route accepts. A bearer token is
 * tried first (customer tokens on customer routes, the service or an API token elsewhere),
 * then the session cookie on routes that take agents or admins.
 */
export async function resolveCaller<K extends CallerKind>(
  request: Request,
  kinds: readonly K[],
  conversationId?: string,
): Promise<CallerOf<K>> {
  const accepts = new Set<CallerKind>(kinds);
  const bearer = bearerToken(request.headers.get('authorization'));
  const takesSession = accepts.has('agent') || accepts.has('admin');
  const takesBearer = accepts.has('customer') || accepts.has('service') || accepts.has('apiToken');
  let caller: Caller;
  if (bearer && takesBearer) caller = await bearerCaller(bearer, accepts, conversationId);
  else if (takesSession && request.headers.get('cookie'))
    caller = await sessionCaller(request, accepts);
  else if (bearer)
    throw new AppError('unauthorized', 'Sign in to continue; bearer tokens are not taken here');
  else throw new AppError('unauthorized', describeMissing(accepts));
  return caller as CallerOf<K>;
}

function describeMissing(accepts: ReadonlySet<CallerKind>): string {
  if (accepts.has('customer')) return 'A customer token is required';
  if (accepts.has('service') || accepts.has('apiToken')) {
    return 'A bearer token or an admin session is required';
  }
  return 'Sign in to continue';
}

/** The admin API: the SERVICE_TOKEN, an API token, or an admin's session. */
export const ADMIN_API = ['admin', 'service', 'apiToken'] as const;

/**
 * Credentials that manage credentials (API tokens): the operator's SERVICE_TOKEN or a
 * person's admin session, never an API token, so a leaked integration token cannot mint
 * itself successors or revoke the tokens of other integrations.
 */
export const CREDENTIAL_MANAGERS = ['admin', 'service'] as const;
