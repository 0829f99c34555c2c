// Signed-in agents for tests: the same next-auth session cookie the browser gets, for a
// session opened the way sign-in opens one.
import { encode } from 'next-auth/jwt';
import { startAgentSession } from '../lib/auth/agent-sessions';
import { env } from '../lib/env';

export const SESSION_COOKIE = 'next-auth.session-token';

export async function sessionToken(agentId: string, secret = env().authSecret): Promise<string> {
  const session = await startAgentSession(agentId);
  return encode({ token: { sub: agentId, sid: session.sessionId, sv: session.version }, secret });
}

/** A `Cookie` header carrying the agent's session. */
export async function sessionCookie(agentId: string, secret?: string): Promise<string> {
  return `${SESSION_COOKIE}=${await sessionToken(agentId, secret)}`;
}

/** Signs in through next-auth's own endpoints, as the login page does; returns the cookie. */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);
  return session;
}
