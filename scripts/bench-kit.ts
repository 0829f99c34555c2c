// What the benchmark sections share: percentiles, seeded conversations and their sockets,
// an agent's session.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { io, type Socket } from 'socket.io-client';
import { signCustomerToken } from '@/lib/customer-token';
import { openDatabase, rowsOf } from '@/lib/db/client';
import type { RunningServer } from '../test/server';

export const AUTH_SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? Number.NaN)}  (n=${sorted.length})`;
}

export function serverRssBytes(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.pid()}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

/** Conversations and their tokens, inserted directly: the bench measures sockets, not setup. */
export async function seedConversations(url: string, count: number) {
  process.env.AUTH_SECRET = AUTH_SECRET;
  const handle = openDatabase({ url, dataDir: '/tmp' });
  const rows = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into conversations (codename, status)
      select 'Bench #' || g || '-' || md5(random()::text), 'open_unclaimed'
      from generate_series(1, ${count}) g
      returning id`),
  );
  await handle.close();
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, token: await signCustomerToken(r.id, 1) })),
  );
}

export function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/customer`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      timeout: 30_000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

export async function connectAll(url: string, tokens: string[], batch = 250): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    sockets.push(...(await Promise.all(tokens.slice(i, i + batch).map((t) => connect(url, t)))));
  }
  return sockets;
}

/** An agent row and the session cookie the inbox would carry. */
export async function benchAgentCookie(url: string): Promise<{ agentId: string; cookie: string }> {
  const { encode } = await import('next-auth/jwt');
  const handle = openDatabase({ url, dataDir: '/tmp' });
  const [row] = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      insert into agents (name, email, role) values ('Bench agent', ${`bench-${Date.now()}@example.com`}, 'agent')
      returning id`),
  );
  // A session as sign-in opens one: the inbox's socket checks it on connect.
  const [session] = rowsOf<{ id: string }>(
    await handle.db.execute(
      sql`insert into agent_sessions (agent_id) values (${row!.id}) returning id`,
    ),
  );
  await handle.close();
  const token = await encode({
    token: { sub: row!.id, sid: session!.id, sv: 1 },
    secret: AUTH_SECRET,
  });
  return { agentId: row!.id, cookie: `next-auth.session-token=${token}` };
}
