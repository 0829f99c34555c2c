// Writes a domain event inside the caller's transaction, with a pending delivery per durable
// channel that is on, in one statement. Once the transaction commits the event is pushed to
// the live channels (./live) and, if it has delivery rows, the dispatcher is woken. No
// NOTIFY here: a notifying transaction takes a global lock at commit, which would serialise
// every commit in the database; the dispatcher announces instead.
import { sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/client';
import { afterCommit } from '../db/transaction';
import { activeChannels } from './channels';
import { insertPendingDeliveries } from './deliveries';
import { publishLive } from './live';
import type { EventPayloads, EventType } from './types';
import { wakeDispatcher } from './wake';

export async function recordEvent<T extends EventType>(
  tx: Queryable,
  type: T,
  actor: Actor,
  conversationId: string | null,
  payload: EventPayloads[T],
): Promise<number> {
  const durable = activeChannels();
  const label = actorLabel(actor);
  const insert = sql`insert into events (type, actor, conversation_id, payload)
    values (${type}, ${label}, ${conversationId}, ${JSON.stringify(payload)}::jsonb)
    returning id, created_at`;
  const result = await tx.execute(
    durable.length === 0
      ? insert
      : sql`with event as (${insert}), pending as (${insertPendingDeliveries(durable)})
          select id, created_at from event`,
  );
  const row = rowsOf<{ id: number | string; created_at: Date | string }>(result)[0]!;
  const id = Number(row.id);
  afterCommit(tx, () => {
    publishLive({
      id,
      type,
      actor: label,
      conversationId,
      payload,
      createdAt: new Date(row.created_at),
    });
    if (durable.length > 0) wakeDispatcher();
  });
  return id;
}
