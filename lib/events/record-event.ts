// Writes a domain event and its pending deliveries inside the caller's transaction, in one
// statement. No NOTIFY here: a notifying transaction takes a global lock at commit, which
// would serialise every commit in the database; the dispatcher announces instead.
import { sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../actor';
import type { Queryable } from '../db/client';
import { rowsOf } from '../db/client';
import { activeChannels } from './channels';
import { insertPendingDeliveries } from './deliveries';
import type { EventPayloads, EventType } from './types';

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
    ), pending as (${insertPendingDeliveries(activeChannels())})
    select id from event`);
  return Number(rowsOf<{ id: number | string }>(result)[0]!.id);
}
