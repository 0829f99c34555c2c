// Property suite over every route handler: thousands of generated requests (hostile path
// parameters, queries, bodies and credentials, from a fixed seed) against the real handlers
// and a real database. Whatever comes in, nothing answers 5xx and every failure has the
// contract's error shape (DESIGN §6).
import './property/local-telegram';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { agents } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { API_ROUTES } from '@/lib/openapi/registry';
import { listRouteFiles, resolveRouteFile } from '@/lib/openapi/route-files';
import { sessionCookie } from './agent-session';
import { createConversation } from './factories';
import { bodyFor, contractViolation, hostileString, queryFor } from './property/hostile';
import { TEST_SERVICE_TOKEN } from './server';

const ROOT = path.resolve(__dirname, '..');
const SEED = 20_261_202;
const TOTAL_RUNS = 2000;

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

interface Target {
  method: string;
  path: string;
  handler: Handler;
  query: ReturnType<typeof queryFor>;
  body: ReturnType<typeof bodyFor> | null;
  auth: string;
}

// The credential a route expects, most of the time, so requests get past authentication.
const EXPECTED: Record<string, string> = {
  customer: 'customer',
  agent: 'agent',
  'admin-session': 'admin',
  admin: 'service',
  'token-manager': 'service',
};

function callerFor(routeAuth: string): fc.Arbitrary<string> {
  const all = ['none', 'service', 'garbage', 'customer', 'admin', 'agent', 'foreignAdmin'];
  const expected = EXPECTED[routeAuth];
  if (!expected) return fc.constantFrom(...all);
  const alternatives = routeAuth === 'admin' ? ['service', 'admin'] : [expected];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...alternatives) },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
  );
}

const known = { conversationId: '', agentId: '', adminId: '', customerToken: '' };
const cookies = new Map<string, Promise<string>>();

async function credentials(): Promise<Record<string, () => Promise<Record<string, string>>>> {
  // One session per fixture; a generated request may end it, as a real one could.
  const cookieOf = (agentId: string) => {
    const cached = cookies.get(agentId);
    if (cached) return cached;
    const cookie = sessionCookie(agentId);
    cookies.set(agentId, cookie);
    return cookie;
  };
  return {
    none: async () => ({}),
    service: async () => ({ authorization: `Bearer ${TEST_SERVICE_TOKEN}` }),
    garbage: async () => ({ authorization: 'Bearer pk_not-a-real-token' }),
    customer: async () => ({ authorization: `Bearer ${known.customerToken}` }),
    admin: async () => ({ cookie: await cookieOf(known.adminId) }),
    agent: async () => ({ cookie: await cookieOf(known.agentId) }),
    foreignAdmin: async () => ({
      cookie: await cookieOf(known.adminId),
      origin: 'https://evil.example',
    }),
  };
}

function pathValue(name: string): fc.Arbitrary<string> {
  const real =
    name === 'action'
      ? fc.constantFrom('claim', 'close', 'reopen', 'block', 'unblock', 'dance')
      : fc.constantFrom(known.conversationId, known.agentId, known.adminId);
  return fc.oneof(
    { weight: 3, arbitrary: real },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString },
  );
}

let targets: Target[] = [];

let fixture = 0;

/**
 * Fresh rows for each route: a generated request may delete, disable or block what the
 * previous route's requests used. Agents without passwords (sessions need none) keep it fast.
 */
async function freshFixtures(): Promise<void> {
  fixture += 1;
  const rows = await db()
    .insert(agents)
    .values([
      { name: 'Prop Admin', email: `prop-admin-${fixture}@example.com`, role: 'admin' },
      { name: 'Other Admin', email: `other-admin-${fixture}@example.com`, role: 'admin' },
      { name: 'Prop Agent', email: `prop-agent-${fixture}@example.com`, role: 'agent' },
    ])
    .returning({ id: agents.id });
  const started = await createConversation({ name: 'Pat', visitorId: `visitor-${fixture}` });
  Object.assign(known, {
    adminId: rows[0]!.id,
    agentId: rows[2]!.id,
    conversationId: started.conversation.id,
    customerToken: started.token,
  });
}

beforeAll(async () => {
  // The Telegram setup endpoints call the Bot API: here a closed local port, never the internet.
  expect(env().telegram.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:/);
  const files = listRouteFiles(ROOT);
  for (const route of API_ROUTES) {
    const file = resolveRouteFile(files, route.path);
    if (!file) continue;
    const module = (await import(path.join(ROOT, file.file))) as Record<string, Handler>;
    const handler = module[route.method.toUpperCase()];
    if (!handler) continue;
    targets.push({
      method: route.method.toUpperCase(),
      path: route.path,
      handler,
      query: queryFor(route.query),
      body: route.method === 'get' ? null : bodyFor(route.body),
      auth: route.auth,
    });
  }
  targets = targets.sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
});

describe('every route handler, under generated requests', () => {
  it('never answers 5xx, and every failure has the error shape', async () => {
    expect(targets.length).toBeGreaterThan(60);
    const auth = await credentials();
    const runs = Math.ceil(TOTAL_RUNS / targets.length);
    const violations: string[] = [];
    const statuses = new Map<number, number>();
    for (const target of targets) {
      await freshFixtures();
      const params = [...target.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const paramsArbitrary = fc.record(
        Object.fromEntries(params.map((name) => [name, pathValue(name)])) as Record<
          string,
          fc.Arbitrary<string>
        >,
      );
      const result = await fc.check(
        fc.asyncProperty(
          paramsArbitrary,
          target.query,
          target.body ?? fc.constant(undefined),
          callerFor(target.auth),
          async (values, query, body, who) => {
            const url = `http://localhost:3000${target.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!.replace(/[\ud800-\udfff]/g, '?')))}${query}`;
            const headers: Record<string, string> = {
              'x-parley-client-ip': '203.0.113.9',
              ...(await auth[who]!()),
            };
            let payload: string | undefined;
            if (body !== undefined) {
              payload = typeof body === 'string' ? body : JSON.stringify(body);
              headers['content-type'] = 'application/json';
            }
            const response = await target.handler(
              new Request(url, { method: target.method, headers, body: payload }),
              {
                params: Promise.resolve(values),
              },
            );
            const problem = contractViolation(response.status, await response.text());
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (problem) violations.push(`${target.method} ${target.path} as ${who}: ${problem}`);
            return problem === null;
          },
        ),
        { seed: SEED, numRuns: runs, endOnFailure: true },
      );
      if (
        result.failed &&
        !String(result.errorInstance).includes('Property failed by returning false')
      ) {
        violations.push(`${target.method} ${target.path}: threw ${String(result.errorInstance)}`);
      }
    }
    expect(violations).toEqual([]);
    // The requests reached the services, not only validation: successes and refusals both.
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(201)).toBeGreaterThan(10);
    expect(statuses.get(404)).toBeGreaterThan(50);
  });
});
