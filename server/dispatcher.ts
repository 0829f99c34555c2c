// Delivers domain events to their subscribers from the durable `deliveries` rows: at least
// once, in event order per batch, with retries and backoff. It wakes at once on an
// in-process poke or a NOTIFY from another instance, and polls as a safety net. Several
// instances may run it together: rows are leased with FOR UPDATE SKIP LOCKED.
import { inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/lib/db/client';
import { rowsOf } from '@/lib/db/client';
import { OutageBackoff } from '@/lib/db/outage';
import { deliveries, events } from '@/lib/db/schema';
import type { SubscriberName } from '@/lib/events/subscribers';
import { EVENTS_CHANNEL } from '@/lib/events/subscribers';
import type { DomainEvent } from '@/lib/events/types';
import { onDispatcherWake } from '@/lib/events/wake';
import { logger } from '@/lib/log';

export interface Subscriber {
  name: SubscriberName;
  /** Must be idempotent: after a crash an event may be handed over again. */
  handle(event: DomainEvent): Promise<void> | void;
}

export interface DispatcherOptions {
  batchSize?: number;
  leaseSeconds?: number;
  pollIntervalMs?: number;
  maxAttempts?: number;
}

interface Claimed {
  id: number;
  event_id: number;
  subscriber: string;
  attempts: number;
}

const ANNOUNCE_INTERVAL_MS = 20;
const backoffSeconds = (attempts: number) => Math.min(600, 2 ** attempts);

export class Dispatcher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private announcing: NodeJS.Timeout | undefined;
  private unsubscribe: Array<() => unknown> = [];
  private readonly outage = new OutageBackoff('event delivery');
  private readonly batchSize: number;
  private readonly leaseSeconds: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly subscribers: Subscriber[],
    options: DispatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.leaseSeconds = options.leaseSeconds ?? 30;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 12;
  }

  async start(): Promise<void> {
    this.unsubscribe.push(
      onDispatcherWake(() => {
        this.wake();
        this.announce();
      }),
    );
    this.unsubscribe.push(await this.database.listen(EVENTS_CHANNEL, () => this.wake()));
    this.timer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  /**
   * Tells the dispatchers of other instances that events were written here: at most one
   * NOTIFY per interval, sent outside the writing transactions.
   */
  private announce(): void {
    if (this.announcing || this.stopped) return;
    this.announcing = setTimeout(() => {
      this.announcing = undefined;
      this.database.db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, '')`).catch((error) => {
        logger().warn({ err: error }, 'could not notify other instances');
      });
    }, ANNOUNCE_INTERVAL_MS);
  }

  /** Runs a pass now, or once more after the pass under way. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Stops waking, then lets the pass under way finish and delivers what is already due. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.announcing);
    for (const off of this.unsubscribe.splice(0)) await off();
    await this.running;
    this.stopped = true;
    await this.drain();
  }

  /** Delivers everything due now; resolves when nothing is left. */
  async drain(): Promise<void> {
    while ((await this.pass()) > 0) {
      // keep going until a pass finds nothing
    }
  }

  private async loop(): Promise<void> {
    if (this.outage.resting()) return;
    do {
      this.again = false;
      try {
        if ((await this.pass()) >= this.batchSize) this.again = true;
        this.outage.succeeded();
      } catch (error) {
        this.outage.failed(error, 'dispatcher pass failed');
        return;
      }
    } while (this.again && !this.stopped);
  }

  /**
   * One pass: leases the due deliveries of every subscriber in one query, loads their
   * events once, and hands them over, each subscriber in event order (subscribers run side
   * by side, so a slow one does not hold up the others). Returns how many it leased.
   */
  private async pass(): Promise<number> {
    const { db } = this.database;
    const names = sql.join(
      this.subscribers.map((s) => sql`${s.name}`),
      sql`, `,
    );
    const claimed = rowsOf<Claimed>(
      await db.execute(sql`
        update deliveries set
          locked_until = now() + make_interval(secs => ${this.leaseSeconds}),
          attempts = attempts + 1
        where id in (
          select id from deliveries
          where subscriber in (${names}) and status = 'pending'
            and next_attempt_at <= now()
            and (locked_until is null or locked_until < now())
          order by id
          limit ${this.batchSize}
          for update skip locked
        )
        returning id, event_id, subscriber, attempts`),
    ).map((row) => ({ ...row, id: Number(row.id), event_id: Number(row.event_id) }));
    if (claimed.length === 0) return 0;

    const rows = await db
      .select()
      .from(events)
      .where(
        inArray(
          events.id,
          claimed.map((c) => c.event_id),
        ),
      );
    const byEvent = new Map(rows.map((row) => [row.id, row as DomainEvent]));
    const done: number[] = [];
    await Promise.all(
      this.subscribers.map(async (subscriber) => {
        const mine = claimed
          .filter((c) => c.subscriber === subscriber.name)
          .sort((a, b) => a.event_id - b.event_id);
        for (const delivery of mine) {
          const event = byEvent.get(delivery.event_id);
          try {
            if (event) await subscriber.handle(event);
            done.push(delivery.id);
          } catch (error) {
            await this.retryLater(delivery, error);
          }
        }
      }),
    );
    if (done.length) await db.delete(deliveries).where(inArray(deliveries.id, done));
    return claimed.length;
  }

  private async retryLater(delivery: Claimed, error: unknown): Promise<void> {
    const dead = delivery.attempts >= this.maxAttempts;
    const message = error instanceof Error ? error.message : String(error);
    logger().warn(
      { deliveryId: delivery.id, attempts: delivery.attempts, err: message, dead },
      'delivery failed',
    );
    await this.database.db.execute(sql`
      update deliveries set
        status = ${dead ? 'dead' : 'pending'},
        locked_until = null,
        last_error = ${message.slice(0, 1000)},
        next_attempt_at = now() + make_interval(secs => ${backoffSeconds(delivery.attempts)})
      where id = ${delivery.id}`);
  }
}
