// Delivers domain events to the durable channels from their deliveries: at least once, in
// event order per batch, with retries and backoff (live channels are pushed after the
// commit instead, see ./live). It wakes at once on an
// in-process poke or a NOTIFY from another instance, and polls as a safety net. Several
// instances may run it together: rows are leased with FOR UPDATE SKIP LOCKED.
import { inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { OutageBackoff } from '../db/outage';
import { events } from '../db/schema';
import { logger } from '../log';
import type { Channel, ChannelContext, ChannelHandler } from './channel';
import { channels as registeredChannels } from './channels';
import {
  acknowledgeDeliveries,
  commitWithAcknowledgement,
  type LeasedDelivery,
  leaseDeliveries,
  retryDeliveryLater,
} from './deliveries';
import type { DomainEvent } from './types';
import { onDispatcherWake } from './wake';

/** The NOTIFY channel on which instances tell each other that events were written. */
export const EVENTS_CHANNEL = 'parley_events';

export interface DispatcherOptions {
  batchSize?: number;
  leaseSeconds?: number;
  pollIntervalMs?: number;
  maxAttempts?: number;
  /** Which channels this dispatcher delivers to: the durable ones registered when it is built, unless given. */
  channels?: readonly Channel[];
}

interface Started {
  name: string;
  handler: ChannelHandler;
}

const ANNOUNCE_INTERVAL_MS = 20;

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

  private readonly channels: Started[];

  /** Starts every durable channel with the process's context (its Socket.IO namespaces). */
  constructor(
    private readonly database: DatabaseHandle,
    context: ChannelContext,
    options: DispatcherOptions = {},
  ) {
    const durable = (options.channels ?? registeredChannels()).filter((channel) => !channel.live);
    this.channels = durable.map((channel) => ({
      name: channel.name,
      handler: channel.start(context),
    }));
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
   * One pass: leases the due deliveries of every channel in one query, loads their events
   * once, and hands them over, each channel in event order (channels run side by side, so
   * a slow one does not hold up the others). Returns how many it leased.
   */
  private async pass(): Promise<number> {
    const { db } = this.database;
    const leased = await leaseDeliveries(
      db,
      this.channels.map((c) => c.name),
      this.batchSize,
      this.leaseSeconds,
    );
    if (leased.length === 0) return 0;

    const rows = await db
      .select()
      .from(events)
      .where(
        inArray(
          events.id,
          leased.map((d) => d.eventId),
        ),
      );
    const byEvent = new Map(rows.map((row) => [row.id, row as DomainEvent]));
    const done: number[] = [];
    await Promise.all(
      this.channels.map(async ({ name, handler }) => {
        const mine = leased.filter((d) => d.channel === name).sort((a, b) => a.eventId - b.eventId);
        for (const delivery of mine) {
          const event = byEvent.get(delivery.eventId);
          try {
            if (!event) done.push(delivery.id);
            else if ('writes' in handler) {
              const writes = await handler.writes(event);
              await commitWithAcknowledgement(db, name, event.id, writes);
            } else {
              await handler.handle(event);
              done.push(delivery.id);
            }
          } catch (error) {
            await this.retryLater(delivery, error);
          }
        }
      }),
    );
    await acknowledgeDeliveries(db, done);
    return leased.length;
  }

  private retryLater(delivery: LeasedDelivery, error: unknown): Promise<void> {
    return retryDeliveryLater(this.database.db, delivery, error, this.maxAttempts);
  }
}
