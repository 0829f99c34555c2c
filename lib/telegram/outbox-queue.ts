// The outbox rows as a queue of lanes: which lane heads are due, leasing a head (so one
// worker, on one instance, has a lane at a time), folding queued customer messages into a
// post, and recording what happened to a row.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/client';
import { type TelegramOutboxRow, telegramOutbox } from '../db/schema';
import { noEarlierDeliveryPending } from '../events/deliveries';
import { MAX_MESSAGE_LENGTH } from './format';
import { linkCopies } from './message-copies';

/**
 * A row may go out once every earlier event of its conversation reached the outbox. After
 * a crash an event's delivery can stay leased while later ones go through; without this,
 * its rows would be posted after theirs.
 */
const readyInOrder = (row: SQL) =>
  noEarlierDeliveryPending('telegram', sql`${row}.conversation_id`, sql`${row}.position`);

const after = (seconds: number) =>
  sql`now() + make_interval(secs => ${seconds})` as unknown as Date;

export interface LaneHead {
  id: number;
  lane: string;
  /** Due, but an earlier event of its conversation has not reached the outbox yet. */
  waiting: boolean;
}

export class OutboxQueue {
  constructor(
    private readonly database: Database,
    private readonly leaseSeconds: number,
  ) {}

  /** The first pending row of every lane that is due and not leased. */
  async dueHeads(): Promise<LaneHead[]> {
    const rows = rowsOf<{ id: number | string; lane: string; waiting: boolean }>(
      await this.database.execute(sql`
        select id, lane, not ${readyInOrder(sql`o`)} as waiting from (
          select distinct on (lane) id, lane, position, conversation_id, next_attempt_at,
                 locked_until
          from telegram_outbox where status = 'pending'
          order by lane, position, id
        ) o
        where next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by position, id limit 200`),
    );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  lease(id: number): Promise<TelegramOutboxRow | null> {
    return this.leaseWhere(eq(telegramOutbox.id, id));
  }

  /** Leases the lane's next row, if it is due and free (one round trip). */
  leaseNextInLane(lane: string): Promise<TelegramOutboxRow | null> {
    return this.leaseWhere(sql`${telegramOutbox.id} = (
      select id from telegram_outbox where lane = ${lane} and status = 'pending'
      order by position, id limit 1)`);
  }

  private async leaseWhere(which: SQL): Promise<TelegramOutboxRow | null> {
    const [row] = await this.database
      .update(telegramOutbox)
      .set({ lockedUntil: after(this.leaseSeconds) })
      .where(
        and(
          which,
          eq(telegramOutbox.status, 'pending'),
          sql`(${telegramOutbox.lockedUntil} is null or ${telegramOutbox.lockedUntil} < now())`,
          sql`${telegramOutbox.nextAttemptAt} <= now()`,
          readyInOrder(sql`telegram_outbox`),
        ),
      )
      .returning();
    return row ?? null;
  }

  async renewLeases(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.database
      .update(telegramOutbox)
      .set({ lockedUntil: after(this.leaseSeconds) })
      .where(inArray(telegramOutbox.id, ids));
  }

  /**
   * Folds the customer messages queued right behind `item` into it, as far as they fit in
   * one Telegram message under `prefix`, and freezes the text so a retry sends the same.
   */
  async coalesce(item: TelegramOutboxRow, prefix: string): Promise<void> {
    if (!(await this.hasFollower(item))) {
      // Alone: nothing to freeze, a retry composes the same single message.
      item.text = `${prefix}\n${item.text ?? ''}`;
      item.coalescible = false;
      return;
    }
    await this.database.transaction(async (tx) => {
      const following = await tx
        .select({ row: telegramOutbox, ready: readyInOrder(sql`telegram_outbox`).mapWith(Boolean) })
        .from(telegramOutbox)
        .where(
          and(
            eq(telegramOutbox.lane, item.lane),
            eq(telegramOutbox.status, 'pending'),
            sql`(${telegramOutbox.position}, ${telegramOutbox.id}) > (${item.position}, ${item.id})`,
          ),
        )
        .orderBy(telegramOutbox.position, telegramOutbox.id)
        .limit(200)
        .for('update');
      const bodies = [item.text ?? ''];
      const merged: number[] = [];
      let length = prefix.length + 1 + bodies[0]!.length;
      for (const { row: next, ready } of following) {
        const text = next.text ?? '';
        const fits = length + 1 + text.length <= MAX_MESSAGE_LENGTH;
        if (!ready || !next.coalescible || !fits) break;
        bodies.push(text);
        merged.push(next.id);
        length += 1 + text.length;
      }
      item.text = `${prefix}\n${bodies.join('\n')}`;
      item.coalescible = false;
      await tx
        .update(telegramOutbox)
        .set({ text: item.text, coalescible: false })
        .where(eq(telegramOutbox.id, item.id));
      if (merged.length) {
        await tx
          .update(telegramOutbox)
          .set({ status: 'merged', mergedInto: item.id, sentAt: new Date(), lockedUntil: null })
          .where(inArray(telegramOutbox.id, merged));
      }
    });
  }

  /** Whether a customer message that may join this one is queued right behind it. */
  private async hasFollower(item: TelegramOutboxRow): Promise<boolean> {
    const rows = rowsOf<{ mergeable: boolean }>(
      await this.database.execute(sql`
        select coalescible and ${readyInOrder(sql`telegram_outbox`)} as mergeable
        from telegram_outbox
        where lane = ${item.lane} and status = 'pending'
          and (position, id) > (${item.position}, ${item.id})
        order by position, id limit 1`),
    );
    return rows[0]?.mergeable === true;
  }

  /**
   * Keeps a sent part's ids; the last part also finishes the row, and the first tells the
   * messages the post carries where their copy is (one round trip).
   */
  async recordPart(id: number, messageIds: number | number[], last: boolean): Promise<number[]> {
    const added = Array.isArray(messageIds) ? messageIds : [messageIds];
    const ids = sql`array[${sql.join(
      added.map((messageId) => sql`${messageId}::integer`),
      sql`, `,
    )}]::integer[]`;
    const finished = last ? sql`, status = 'sent', sent_at = now(), locked_until = null` : sql``;
    const rows = rowsOf<{ ids: number[] }>(
      await this.database.execute(sql`
        with recorded as (
          update telegram_outbox set sent_message_ids = sent_message_ids || ${ids} ${finished}
          where id = ${id} returning sent_message_ids
        ), linked as (${linkCopies(id, added[0]!)})
        select sent_message_ids as ids from recorded`),
    );
    return rows[0]!.ids;
  }

  async finish(id: number): Promise<void> {
    await this.database
      .update(telegramOutbox)
      .set({ status: 'sent', sentAt: new Date(), lockedUntil: null })
      .where(eq(telegramOutbox.id, id));
  }

  async release(id: number): Promise<void> {
    await this.database
      .update(telegramOutbox)
      .set({ lockedUntil: null })
      .where(eq(telegramOutbox.id, id));
  }

  /** Rows held back by a rejected token (their error is the 401's, `classifyFailure`) are
   * due at once: a sender with a new token is starting. */
  async retryHeldByToken(): Promise<void> {
    await this.database
      .update(telegramOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(
        and(eq(telegramOutbox.status, 'pending'), sql`${telegramOutbox.lastError} like '401:%'`),
      );
  }

  async reschedule(
    id: number,
    outcome: { attempts: number; dead: boolean; error: string; delayMs: number },
  ): Promise<void> {
    await this.database
      .update(telegramOutbox)
      .set({
        attempts: outcome.attempts,
        status: outcome.dead ? 'dead' : 'pending',
        lastError: outcome.error.slice(0, 1000),
        lockedUntil: null,
        nextAttemptAt: after(outcome.delayMs / 1000),
      })
      .where(eq(telegramOutbox.id, id));
  }
}
