// The server is killed (SIGKILL: no shutdown, no flush) with a burst of 1,000 customer
// messages in flight. Every message it acknowledged is stored, and once the widgets send
// again what they had not seen acknowledged (as their outboxes do), each message is stored
// exactly once, in a gap-free `seq` per conversation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, CustomerClient } from '../test/customer-client';
import { type RunningServer, startServer } from '../test/server';

const CONVERSATIONS = 20;
const MESSAGES = 1000;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

describe('a server killed mid-burst', () => {
  it('keeps every acknowledged message exactly once, and takes the rest again', async () => {
    const customers = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) =>
        CustomerClient.start(server.url, { name: `Burst ${i}` }),
      ),
    );
    await Promise.all(customers.map((customer) => customer.connect({ reconnection: false })));

    const burst = Array.from({ length: MESSAGES }, (_, i) => ({
      customer: customers[i % CONVERSATIONS]!,
      clientId: `burst-${i}-${randomUUID().slice(0, 8)}`,
      text: `Burst message ${i}`,
    }));
    const acknowledged = new Set<string>();
    let answered = 0;
    let killed: Promise<unknown> | undefined;
    const sends = burst.map(({ customer, clientId, text }) =>
      customer
        .send(text, clientId)
        .then((ack) => {
          if (ack.ok) acknowledged.add(clientId);
        })
        .catch(() => undefined)
        .finally(() => {
          // Killed once a good part of the burst is through: the rest is in flight.
          if (++answered === MESSAGES / 4) killed = server.stop('SIGKILL');
        }),
    );
    // A socket that drops rejects its pending acknowledgements (the sockets do not reconnect).
    await Promise.race([Promise.all(sends), new Promise((resolve) => setTimeout(resolve, 60_000))]);
    expect(killed).toBeDefined();
    await killed;
    for (const customer of customers) customer.close();
    expect(acknowledged.size).toBeGreaterThanOrEqual(MESSAGES / 4);
    expect(acknowledged.size).toBeLessThan(MESSAGES);

    await server.restart();
    const stored = async () => {
      const byClientId = new Map<string, number>();
      for (const customer of customers) {
        const { body } = await customer.history(0);
        expect(body.messages.map((m) => m.seq)).toEqual(body.messages.map((_, i) => i + 1));
        for (const message of body.messages) {
          if (message.clientId) {
            byClientId.set(message.clientId, (byClientId.get(message.clientId) ?? 0) + 1);
          }
        }
      }
      return byClientId;
    };

    // Nothing acknowledged was lost, nothing is there twice.
    const afterCrash = await stored();
    for (const clientId of acknowledged) expect(afterCrash.get(clientId)).toBe(1);
    expect([...afterCrash.values()].every((count) => count === 1)).toBe(true);

    // The widgets send again whatever they had not seen acknowledged, and a few acknowledged
    // ones too (an acknowledgement lost on the way): duplicates are recognised by clientId.
    const again = burst.filter(({ clientId }, i) => !acknowledged.has(clientId) || i % 50 === 0);
    const statuses = await Promise.all(
      customers.map(async (customer) => {
        const answered: number[] = [];
        // In order within a conversation, as one widget's outbox sends.
        for (const { clientId, text } of again.filter((m) => m.customer === customer)) {
          const { status } = await api(
            `${server.url}/api/v1/conversations/${customer.conversationId}/messages`,
            { method: 'POST', token: customer.token, body: { clientId, text } },
          );
          answered.push(status);
        }
        return answered;
      }),
    );
    expect(new Set(statuses.flat())).toEqual(new Set([200, 201]));
    const final = await stored();
    expect(final.size).toBe(MESSAGES);
    for (const { clientId } of burst) expect(final.get(clientId)).toBe(1);
  }, 180_000);
});
