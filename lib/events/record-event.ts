// Writes a domain event and its pending deliveries inside the caller's transaction.
import { sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import type { Queryable } from '../db/client';
import { deliveries, events } from '../db/schema';
import { EVENTS_CHANNEL, SUBSCRIBERS } from './subscribers';
import type { EventPayloads, EventType } from './types';

export async function recordEvent<T extends EventType>(
  tx: Queryable,
  type: T,
  actor: Actor,
  conversationId: string | null,
  payload: EventPayloads[T],
): Promise<number> {
  const [row] = await tx
    .insert(events)
    .values({ type, actor: actorLabel(actor), conversationId, payload: payload as never })
    .returning({ id: events.id });
  const eventId = row!.id;
  await tx.insert(deliveries).values(SUBSCRIBERS.map((subscriber) => ({ eventId, subscriber })));
  // Delivered at commit; wakes the dispatchers of other instances.
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`);
  return eventId;
}
