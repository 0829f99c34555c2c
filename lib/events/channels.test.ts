// A channel added as one definition: registered at run time, it gets a delivery row for
// every event while it is enabled, and the dispatcher built from the registry hands it
// every event, in order, at least once, retrying what it refused.
import { asc, eq } from 'drizzle-orm';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../test/customer-client';
import { createConversation, nextClientId } from '../../test/factories';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { database, db } from '../db/client';
import { deliveries, events } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { defineChannel } from './channel';
import { activeChannels, channels, registerChannel } from './channels';
import { Dispatcher } from './dispatcher';
import { startLiveChannels } from './live';
import { recordEvent } from './record-event';
import type { DomainEvent } from './types';

const io = new Server();
const context = { customers: io.of('/customer'), agents: io.of('/agent') };
const cleanup: Array<() => unknown> = [];

afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
  await db().delete(deliveries);
});

const eventIdsOf = async (conversationId: string) =>
  (
    await db()
      .select({ id: events.id })
      .from(events)
      .where(eq(events.conversationId, conversationId))
      .orderBy(asc(events.id))
  ).map((row) => row.id);

const rowsFor = (channel: string, eventIds: number[]) =>
  db()
    .select()
    .from(deliveries)
    .where(eq(deliveries.subscriber, channel))
    .then((rows) => rows.filter((row) => eventIds.includes(row.eventId)));

describe('a channel defined in one place', () => {
  it('receives every event in order, at least once, and gets a refused one again later', async () => {
    const received: DomainEvent[] = [];
    const attempts: number[] = [];
    let refused: number | null = null;
    const auditLog = defineChannel({
      name: 'audit-log',
      handle(event) {
        attempts.push(event.id);
        // Refuses the first message, once.
        if (refused === null && event.type === 'message.posted') {
          refused = event.id;
          throw new Error('audit store unavailable');
        }
        received.push(event);
      },
    });
    cleanup.push(registerChannel(auditLog));
    expect(channels().map((c) => c.name)).toContain('audit-log');

    // Built from the registry, as the server builds it: no list of channels passed.
    const dispatcher = new Dispatcher(database(), context, { pollIntervalMs: 100 });
    cleanup.push(() => dispatcher.stop());
    await dispatcher.start();

    const { conversation } = await createConversation();
    for (let i = 0; i < 5; i++) {
      await postCustomerMessage(conversation.id, { text: `Line ${i}`, clientId: nextClientId() });
    }
    const written = await eventIdsOf(conversation.id);
    expect(written.length).toBeGreaterThanOrEqual(6);

    // The refused one is retried after its backoff (two seconds for a first failure).
    await eventually(
      () => received.length === written.length,
      `all ${written.length} events, the refused one again`,
      10_000,
    );
    expect(written).toContain(refused);
    expect(attempts.filter((id) => id === refused)).toHaveLength(2);
    const firstPass = received.filter((event) => event.id !== refused).map((event) => event.id);
    expect(firstPass).toEqual(written.filter((id) => id !== refused));
    expect(received.at(-1)!.id).toBe(refused);
    let left = await rowsFor('audit-log', written);
    for (let i = 0; i < 50 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      left = await rowsFor('audit-log', written);
    }
    expect(left).toEqual([]);
  });

  it('gets delivery rows only while it is enabled', async () => {
    let on = false;
    cleanup.push(registerChannel(defineChannel({ name: 'pager', enabled: () => on, handle() {} })));
    expect(activeChannels()).not.toContain('pager');
    const off = await createConversation();
    on = true;
    expect(activeChannels()).toContain('pager');
    const { conversation } = await createConversation();

    expect(await rowsFor('pager', await eventIdsOf(off.conversation.id))).toEqual([]);
    const written = await eventIdsOf(conversation.id);
    const rows = await rowsFor('pager', written);
    expect(rows.map((row) => row.eventId).sort((a, b) => a - b)).toEqual(written);
    expect(rows.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
  });

  it('refuses a second channel with a name already registered', () => {
    expect(() => registerChannel(defineChannel({ name: 'telegram', handle() {} }))).toThrow(
      /registered already/,
    );
  });

  it('pushes a live channel each committed event at once, with no delivery row', async () => {
    const pushed: DomainEvent[] = [];
    cleanup.push(
      registerChannel(
        defineChannel({ name: 'wallboard', live: true, handle: (e) => void pushed.push(e) }),
      ),
    );
    expect(activeChannels()).not.toContain('wallboard');
    cleanup.push(startLiveChannels(context));

    const { conversation } = await createConversation();
    await postCustomerMessage(conversation.id, { text: 'Hello', clientId: nextClientId() });
    // Pushed by the committing call itself: there when it returns, no dispatcher running.
    const written = await eventIdsOf(conversation.id);
    expect(pushed.map((event) => event.id)).toEqual(written);
    const posted = pushed.find((event) => event.type === 'message.posted')!;
    expect(posted).toMatchObject({ conversationId: conversation.id, actor: 'customer' });
    expect(posted.payload).toMatchObject({ message: { text: 'Hello', seq: 1 } });
    expect(await rowsFor('wallboard', written)).toEqual([]);

    // A transaction that rolls back pushes nothing.
    const failed = inTransaction(async (tx) => {
      await recordEvent(tx, 'conversation.seen', { type: 'customer' }, conversation.id, {
        conversationId: conversation.id,
        seq: 1,
      });
      throw new Error('changed its mind');
    });
    await expect(failed).rejects.toThrow('changed its mind');
    expect(pushed).toHaveLength(written.length);
  });
});
