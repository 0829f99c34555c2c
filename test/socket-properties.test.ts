// Property suite over every socket event, against the real server: generated payloads
// (hostile and plausible, from a fixed seed) on the `/customer` and `/agent` namespaces.
// Every acknowledgement is `{ok: true, …}` or an error in the contract's shape with a code
// other than `internal`, the sockets stay connected, and the server logs no unhandled error.
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/contracts/errors';
import { connectAgentSocket, signInOverHttp } from './agent-session';
import { CustomerClient } from './customer-client';
import { hostileValue, plausible } from './property/hostile';
import { type RunningServer, startServer, TEST_ADMIN } from './server';

const SEED = 20_261_204;

let server: RunningServer;
let customer: CustomerClient;
let agent: Socket;

beforeAll(async () => {
  server = await startServer();
  customer = await CustomerClient.start(server.url, { name: 'Sam' });
  await customer.connect({ reconnection: false });
  const cookie = await signInOverHttp(server.url, TEST_ADMIN.email, TEST_ADMIN.password);
  agent = await connectAgentSocket(server.url, { cookie });
});

afterAll(async () => {
  customer?.close();
  agent?.close();
  await server?.dispose();
});

function ackViolation(ack: unknown): string | null {
  const value = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (value?.ok === true) return null;
  if (value?.ok !== false || !value.error)
    return `not an ack: ${JSON.stringify(ack)?.slice(0, 200)}`;
  const code = value.error.code as string;
  if (!(code in ERROR_STATUS) || code === 'internal' || typeof value.error.message !== 'string') {
    return `bad error: ${JSON.stringify(ack).slice(0, 200)}`;
  }
  return null;
}

const conversationRef = () =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(customer.conversationId) }, fc.uuid(), hostileValue);

function payloads(shape: z.ZodType, withConversation: boolean): fc.Arbitrary<unknown> {
  const base = plausible(shape);
  const pointed = withConversation
    ? fc
        .tuple(base, conversationRef())
        .map(([value, id]) =>
          value && typeof value === 'object' ? { ...(value as object), conversationId: id } : value,
        )
    : base;
  return fc
    .oneof({ weight: 3, arbitrary: pointed }, { weight: 1, arbitrary: hostileValue })
    .filter((payload) => (JSON.stringify(payload) ?? '').length < FRAME_LIMIT);
}

// Socket.IO closes a connection whose frame passes maxHttpBufferSize (64 KB): a transport
// rule, not a handler's answer, so the suite stays below it.
const FRAME_LIMIT = 60_000;

async function exercise(
  socket: Socket,
  events: Array<{ name: string; payload: fc.Arbitrary<unknown>; acked: boolean }>,
  runs: number,
): Promise<string[]> {
  const violations: string[] = [];
  for (const event of events) {
    await fc
      .assert(
        fc.asyncProperty(event.payload, async (payload) => {
          if (!event.acked) {
            socket.emit(event.name, payload);
            return true;
          }
          const ack = await socket.timeout(10_000).emitWithAck(event.name, payload);
          const problem = ackViolation(ack);
          if (problem) violations.push(`${event.name}: ${problem}`);
          return problem === null;
        }),
        { seed: SEED, numRuns: runs, endOnFailure: true },
      )
      .catch(() => undefined);
  }
  return violations;
}

const text = z.object({ text: z.string().max(60), clientId: z.string().max(20) });

describe('socket events, generated', () => {
  it('on /customer: acks in the contract shape, the socket stays', async () => {
    const violations = await exercise(
      customer.socket!,
      [
        { name: 'message:send', payload: payloads(text, false), acked: true },
        {
          name: 'typing',
          payload: payloads(z.object({ typing: z.boolean() }), false),
          acked: false,
        },
        {
          name: 'seen',
          payload: payloads(z.object({ seq: z.number().int() }), false),
          acked: false,
        },
      ],
      150,
    );
    expect(violations).toEqual([]);
    expect(customer.socket!.connected).toBe(true);
  });

  it('on /agent: acks in the contract shape, the socket stays', async () => {
    const reply = z.object({ text: z.string().max(60) });
    const violations = await exercise(
      agent,
      [
        { name: 'message:send', payload: payloads(reply, true), acked: true },
        { name: 'note:add', payload: payloads(reply, true), acked: true },
        { name: 'conversation:claim', payload: payloads(z.object({}), true), acked: true },
        {
          name: 'typing',
          payload: payloads(z.object({ typing: z.boolean() }), true),
          acked: false,
        },
        { name: 'viewing', payload: payloads(z.object({}), true), acked: false },
        {
          name: 'presence',
          payload: payloads(z.object({ status: z.enum(['online', 'away']) }), false),
          acked: false,
        },
      ],
      60,
    );
    expect(violations).toEqual([]);
    expect(agent.connected).toBe(true);
    // One more round trip: the server still answers after all of it.
    const alive = await agent.emitWithAck('conversation:claim', {
      conversationId: customer.conversationId,
    });
    expect(alive).toMatchObject({ ok: true });
    expect(server.logs()).not.toMatch(/unhandled error|"level":50/);
  });
});
