// Signed-in agents for tests: the same next-auth session cookie the browser gets, for a
// session opened the way sign-in opens one.
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { io, type Socket } from 'socket.io-client';
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

/** The inbox's socket (`/agent`), connected with a session cookie; rejects on refusal. */
export function connectAgentSocket(
  base: string,
  headers: { cookie?: string; origin?: string } = {},
): Promise<Socket> {
  const socket = io(`${base}/agent`, {
    forceNew: true,
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: Object.fromEntries(Object.entries(headers).filter(([, v]) => v)),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Adds an agent with a password (as an admin, by `adminCookie`) and signs them in. */
export async function addSignedInAgent(
  base: string,
  adminCookie: string,
  name: string,
): Promise<{ id: string; email: string; cookie: string }> {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@example.com`;
  const password = 'correct horse battery';
  const response = await fetch(`${base}/api/v1/agent/agents`, {
    method: 'POST',
    headers: { cookie: adminCookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name, email, password }),
  });
  if (response.status !== 201) throw new Error(`adding ${name} failed (${response.status})`);
  const { agent } = (await response.json()) as { agent: { id: string } };
  return { id: agent.id, email, cookie: await signInOverHttp(base, email, password) };
}
