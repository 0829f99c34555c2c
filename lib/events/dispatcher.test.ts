import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/customer-client';
import { createConversation, nextClientId } from '../../test/factories';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { database, db } from '../db/client';
import { deliveries, events } from '../db/schema';
import { type Channel, type ChannelContext, defineChannel } from './channel';
import { registerChannel } from './channels';
import { Dispatcher } from './dispatcher';
import type { DomainEvent } from './types';

const HOUR = 3_600_000;
const running: Dispatcher[] = [];

// Real namespaces of a server nobody connects to.
const io = new Server();
const context: ChannelContext = { customers: io.of('/customer'), agents: io.of('/agent') };

// A durable channel registered for these tests, so that every event gets a row for it; each
// test's dispatchers deliver those rows to recorders of the same name.
const CHANNEL = 'ledger';
let unregister: () => void;
beforeAll(() => {
  unregister = registerChannel(defineChannel({ name: CHANNEL, handle() {} }));
});
afterAll(() => unregister());

/** The one channel these dispatchers deliver to. */
function recorder(fail?: (event: DomainEvent) => boolean) {
  const seen: DomainEvent[] = [];
  const subscriber = defineChannel({
    name: CHANNEL,
    handle(event) {
      if (fail?.(event)) throw new Error(`refused event ${event.id}`);
      seen.push(event);
    },
  });
  return { seen, subscriber };
}

async function startDispatcher(subscriber: Channel, pollIntervalMs = HOUR) {
  const dispatcher = new Dispatcher(database(), context, {
    channels: [subscriber],
    pollIntervalMs,
    batchSize: 7,
  });
  running.push(dispatcher);
  await dispatcher.start();
  return dispatcher;
}

const eventsOf = (conversationId: string) =>
  db()
    .select()
    .from(events)
    .where(eq(events.conversationId, conversationId))
    .orderBy(asc(events.id));

/** This channel's deliveries only: every event also has rows for the other channels. */
async function pendingFor(eventIds: number[]) {
  return db()
    .select()
    .from(deliveries)
    .where(and(inArray(deliveries.eventId, eventIds), eq(deliveries.subscriber, CHANNEL)));
}

afterEach(async () => {
  for (const dispatcher of running.splice(0)) await dispatcher.stop();
  // Leave nothing pending for the next test's dispatcher.
  await db().delete(deliveries);
});

describe('Dispatcher', () => {
  it('delivers every event once, in order, as soon as the writing transaction commits', async () => {
    const { seen, subscriber } = recorder();
    // Polling is off (an hour): only the wake-up after commit can deliver.
    await startDispatcher(subscriber);
    const { conversation } = await createConversation();
    for (let i = 0; i < 20; i++) {
      await postCustomerMessage(conversation.id, {
        text: `Message ${i}`,
        clientId: nextClientId(),
      });
    }

    const written = (await eventsOf(conversation.id)).map((e) => e.id);
    await eventually(() => seen.length === written.length, `all ${written.length} events`);
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual(written);
    expect(seen[0]!.type).toBe('conversation.started');
    const posted = seen.filter((e) => e.type === 'message.posted');
    expect(posted.map((e) => (e.payload as { message: { seq: number } }).message.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(await pendingFor(ids)).toEqual([]);
  });

  it('wakes on NOTIFY from another instance', async () => {
    const { seen, subscriber } = recorder();
    await startDispatcher(subscriber);
    // Written the way another process would: rows and NOTIFY, no in-process wake-up.
    const eventId = await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(events)
        .values({ type: 'conversation.seen', actor: 'customer', conversationId: null, payload: {} })
        .returning({ id: events.id });
      await tx.insert(deliveries).values({ eventId: row!.id, subscriber: CHANNEL });
      await tx.execute(sql`select pg_notify('parley_events', '')`);
      return row!.id;
    });

    await eventually(() => seen.some((e) => e.id === eventId), 'the notified event');
  });

  it('retries a failed delivery later, keeping the error, and delivers it once it succeeds', async () => {
    let refuse = true;
    const { seen, subscriber } = recorder(() => refuse);
    const dispatcher = await startDispatcher(subscriber);
    const { conversation } = await createConversation();
    const [event] = await db()
      .select()
      .from(events)
      .where(eq(events.conversationId, conversation.id));

    let row = (await pendingFor([event!.id]))[0];
    for (let i = 0; i < 250 && (row?.attempts !== 1 || row.lockedUntil); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      row = (await pendingFor([event!.id]))[0];
    }
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(row!.lastError).toBe(`refused event ${event!.id}`);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    refuse = false;
    await db()
      .update(deliveries)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(deliveries.id, row!.id));
    dispatcher.wake();
    await eventually(() => seen.some((e) => e.id === event!.id), 'the retried event');
    // The delivery row goes right after the subscriber returns, not before it is called.
    let left = await pendingFor([event!.id]);
    for (let i = 0; i < 100 && left.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      left = await pendingFor([event!.id]);
    }
    expect(left).toEqual([]);
  });

  it('gives up after the last attempt and marks the delivery dead', async () => {
    const { subscriber } = recorder(() => true);
    const dispatcher = new Dispatcher(database(), context, {
      channels: [subscriber],
      pollIntervalMs: HOUR,
      maxAttempts: 1,
    });
    running.push(dispatcher);
    const { conversation } = await createConversation();
    const [event] = await db()
      .select()
      .from(events)
      .where(eq(events.conversationId, conversation.id));
    await dispatcher.drain();

    expect(await pendingFor([event!.id])).toMatchObject([{ status: 'dead', attempts: 1 }]);
  });

  it('delivers after a restart what was written while no dispatcher ran, and what a crashed one had leased', async () => {
    const { conversation } = await createConversation();
    await postCustomerMessage(conversation.id, { text: 'While down', clientId: nextClientId() });
    const written = await eventsOf(conversation.id);
    // A dispatcher that died mid-delivery leaves a lease that has run out.
    await db()
      .update(deliveries)
      .set({ lockedUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(deliveries.eventId, written[0]!.id));

    const { seen, subscriber } = recorder();
    await startDispatcher(subscriber);
    await eventually(() => seen.length === written.length, 'every event after the restart');
    expect(seen.map((e) => e.id)).toEqual(written.map((e) => e.id));
  });

  it('hands each event to exactly one of two dispatchers running at once', async () => {
    const first = recorder();
    const second = recorder();
    await startDispatcher(first.subscriber);
    await startDispatcher(second.subscriber);
    const { conversation } = await createConversation();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postCustomerMessage(conversation.id, { text: `Message ${i}`, clientId: nextClientId() }),
      ),
    );

    const written = await eventsOf(conversation.id);
    const total = () => first.seen.length + second.seen.length;
    await eventually(() => total() >= written.length, `all ${written.length} events`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const all = [...first.seen, ...second.seen].map((e) => e.id);
    expect(all.sort((a, b) => a - b)).toEqual(written.map((e) => e.id));
  });
});
