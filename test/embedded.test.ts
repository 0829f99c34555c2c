// Smoke test on the embedded database: what `npm start` runs on a fresh machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, CustomerClient, eventually } from './customer-client';
import { createEmbeddedDatabase } from './database';
import { type RunningServer, startServer, TEST_ADMIN } from './server';

let server: RunningServer;
const database = createEmbeddedDatabase('embedded');

beforeAll(async () => {
  server = await startServer({ database });
});

afterAll(async () => {
  await server?.dispose();
  await database.drop();
});

describe('Parley on embedded PGlite', () => {
  it('runs a conversation end to end and keeps it across a restart', async () => {
    expect(server.logs()).toContain('embedded PGlite');
    const customer = await CustomerClient.start(server.url, { name: 'Erin' });
    await customer.connect();
    expect(await customer.send('Hello from PGlite')).toMatchObject({
      ok: true,
      message: { seq: 1 },
    });
    const replied = await admin(server.url, `/conversations/${customer.conversationId}/messages`, {
      text: 'Hello Erin',
      agentEmail: TEST_ADMIN.email,
    });
    expect(replied.status).toBe(201);
    await eventually(() => customer.received.length === 2, 'the reply on the socket');
    customer.close();

    await server.restart();
    const { body } = await customer.history();
    expect(body.conversation).toMatchObject({ name: 'Erin', status: 'awaiting_customer' });
    expect(body.messages.map((m) => [m.seq, m.author, m.text])).toEqual([
      [1, 'customer', 'Hello from PGlite'],
      [2, 'agent', 'Hello Erin'],
    ]);
  });
});
