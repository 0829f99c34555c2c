// The `deliveries` table: one row per event and channel until the channel has it. Only this
// module reads or writes it: record-event adds the pending rows, the dispatcher leases,
// acknowledges and retries them, a channel with writes commits them with its acknowledgement,
// and the Telegram queue and the metrics ask what is still pending.
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { rowsOf } from '../db/client';
import { logger } from '../log';
import type { ChannelWrites } from './channel';

/** A delivery the dispatcher holds a lease on. */
export interface LeasedDelivery {
  id: number;
  eventId: number;
  channel: string;
  attempts: number;
}

// The list changes when Telegram or email is turned on or off: one SQL fragment per list.
const channelArrays = new Map<string, SQL>();
const channelArray = (channels: string[]) => {
  const key = channels.join(',');
  let array = channelArrays.get(key);
  if (!array) {
    array = sql.raw(
      `array[${channels.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')}]::text[]`,
    );
    channelArrays.set(key, array);
  }
  return array;
};

/**
 * The statement that adds a pending delivery per channel for the event of the CTE `event`
 * (with an `id` column), to run as a CTE of the statement that writes the event.
 */
export function insertPendingDeliveries(channels: string[]): SQL {
  return sql`insert into deliveries (event_id, subscriber)
    select event.id, subscriber from event, unnest(${channelArray(channels)}) as subscriber`;
}

/** Leases the due deliveries of these channels, oldest first, for `leaseSeconds`. */
export async function leaseDeliveries(
  db: Database,
  channels: string[],
  limit: number,
  leaseSeconds: number,
): Promise<LeasedDelivery[]> {
  const names = sql.join(
    channels.map((name) => sql`${name}`),
    sql`, `,
  );
  const rows = rowsOf<{
    id: number | string;
    event_id: number | string;
    subscriber: string;
    attempts: number;
  }>(
    await db.execute(sql`
      update deliveries set
        locked_until = now() + make_interval(secs => ${leaseSeconds}),
        attempts = attempts + 1
      where id in (
        select id from deliveries
        where subscriber in (${names}) and status = 'pending'
          and next_attempt_at <= now()
          and (locked_until is null or locked_until < now())
        order by id
        limit ${limit}
        for update skip locked
      )
      returning id, event_id, subscriber, attempts`),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    eventId: Number(row.event_id),
    channel: row.subscriber,
    attempts: row.attempts,
  }));
}

/** The channels have these deliveries: the rows go. */
export async function acknowledgeDeliveries(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`delete from deliveries where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/**
 * Runs the channel's writes and the acknowledgement of its delivery in one statement: they
 * commit together (exactly once), in one round trip, and at once. Without statements it
 * only acknowledges.
 */
export async function commitWithAcknowledgement(
  db: Queryable,
  channel: string,
  eventId: number,
  writes: ChannelWrites | null,
): Promise<void> {
  const ack = sql`delete from deliveries where event_id = ${eventId} and subscriber = ${channel}`;
  const statements = Object.entries(writes?.statements ?? {});
  if (statements.length === 0) {
    await db.execute(ack);
  } else {
    const ctes = sql.join(
      statements.map(([name, statement]) => sql`${sql.identifier(name)} as (${statement})`),
      sql`, `,
    );
    await db.execute(sql`with ${ctes}, acknowledged as (${ack}) select 1`);
  }
  writes?.afterCommit?.();
}

const backoffSeconds = (attempts: number) => Math.min(600, 2 ** attempts);

/** A delivery failed: tried again later with backoff, or dead after the last attempt. */
export async function retryDeliveryLater(
  db: Database,
  delivery: LeasedDelivery,
  error: unknown,
  maxAttempts: number,
): Promise<void> {
  const dead = delivery.attempts >= maxAttempts;
  const message = error instanceof Error ? error.message : String(error);
  logger().warn(
    { deliveryId: delivery.id, attempts: delivery.attempts, err: message, dead },
    'delivery failed',
  );
  await db.execute(sql`
    update deliveries set
      status = ${dead ? 'dead' : 'pending'},
      locked_until = null,
      last_error = ${message.slice(0, 1000)},
      next_attempt_at = now() + make_interval(secs => ${backoffSeconds(delivery.attempts)})
    where id = ${delivery.id}`);
}

/**
 * A condition: no delivery to the channel of an event of this conversation, older than
 * `position` (an event id), is still pending. After a crash an event's delivery can stay
 * leased while later ones go through; what a channel writes per event can wait on this.
 */
export function noEarlierDeliveryPending(channel: string, conversationId: SQL, position: SQL): SQL {
  return sql`not exists (
    select 1 from deliveries d join events e on e.id = d.event_id
    where d.subscriber = ${channel} and d.status = 'pending'
      and e.conversation_id = ${conversationId} and e.id < ${position})`;
}

/** Per channel: how old its oldest pending delivery is (seconds), and how many are dead. */
export async function deliveryBacklog(
  db: Database,
): Promise<Array<{ channel: string; lag: number; dead: number }>> {
  const rows = rowsOf<{ subscriber: string; lag: number; dead: number }>(
    await db.execute(sql`
      select subscriber,
             coalesce(extract(epoch from now() - min(created_at) filter (where status = 'pending')), 0)::float8 as lag,
             count(*) filter (where status = 'dead')::int as dead
      from deliveries group by subscriber`),
  );
  return rows.map((row) => ({
    channel: row.subscriber,
    lag: Number(row.lag),
    dead: Number(row.dead),
  }));
}
