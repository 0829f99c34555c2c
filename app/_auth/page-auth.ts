// Server-side gate for agent pages: nothing before /setup has run, nothing without a
// session, and admin pages only for admins (checked here, never only in the browser).
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { hasAnyAgent } from '@/lib/agents/setup';
import { authenticateSession, isAdmin, presentSessionAgent } from '@/lib/auth/session';
import type { SessionAgent } from '@/lib/contracts/agent';

export async function cookieObject(): Promise<Record<string, string>> {
  const jar = await cookies();
  return Object.fromEntries(jar.getAll().map((c) => [c.name, c.value]));
}

/** The signed-in agent, or undefined (no redirect). */
export async function currentAgent(): Promise<SessionAgent | undefined> {
  try {
    return presentSessionAgent((await authenticateSession(await cookieObject())).agent);
  } catch {
    return undefined;
  }
}

export async function requirePageAgent(): Promise<SessionAgent> {
  if (!(await hasAnyAgent())) redirect('/setup');
  const agent = await currentAgent();
  if (!agent) redirect('/login');
  return agent;
}

/** The agent and whether they may see an admin page. */
export async function requirePageAdmin(): Promise<{ agent: SessionAgent; allowed: boolean }> {
  const agent = await requirePageAgent();
  return { agent, allowed: isAdmin(agent) };
}
