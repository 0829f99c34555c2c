// Writes a domain event and its pending deliveries inside the caller's transaction, in one
// statement. No NOTIFY here: a notifying transaction takes a global lock at commit, which
// would serialise every commit in the database; the dispatcher announces instead.
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/client';
import { activeSubscribers } from './subscribers';
import type { EventPayloads, EventType } from './types';

// The list changes when Telegram is turned on or off at run time: one SQL fragment per list.
const subscriberArrays = new Map<string, SQL>();
const subscriberList = () => {
  const names = activeSubscribers().join(',');
  let array = subscriberArrays.get(names);
  if (!array) {
    array = sql.raw(
      `array[${activeSubscribers()
        .map((s) => `'${s}'`)
        .join(', ')}]::text[]`,
    );
    subscriberArrays.set(names, array);
  }
  return array;
};

export async function recordEvent<T extends EventType>(
  tx: Queryable,
  type: T,
  actor: Actor,
  conversationId: string | null,
  payload: EventPayloads[T],
): Promise<number> {
  const result = await tx.execute(sql`
    with event as (
      insert into events (type, actor, conversation_id, payload)
      values (${type}, ${actorLabel(actor)}, ${conversationId}, ${JSON.stringify(payload)}::jsonb)
      returning id
    ), pending as (
      insert into deliveries (event_id, subscriber)
      select event.id, subscriber from event, unnest(${subscriberList()}) as subscriber
    )
    select id from event`);
  return Number(rowsOf<{ id: number | string }>(result)[0]!.id);
}
