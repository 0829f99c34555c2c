// The email outbox: adding work, leasing what is due (one worker per row, on any instance),
// and recording what became of a row. Email that cannot go out now waits here; nothing is
// lost while the SMTP server is away.
import { EventEmitter } from 'node:events';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client';
import { rowsOf } from '../db/client';
import { type EmailOutboxRow, emailOutbox } from '../db/schema';
import { processSingleton } from '../singleton';

const after = (seconds: number) =>
  sql`now() + make_interval(secs => ${seconds})` as unknown as Date;

/**
 * Makes sure replies of this conversation are on their way: one pending row per
 * conversation gathers every reply not yet emailed, however many arrive meanwhile.
 */
export async function queueReplies(
  tx: Queryable,
  conversationId: string,
  delaySeconds: number,
): Promise<void> {
  await tx.execute(sql`
    insert into email_outbox (conversation_id, kind, next_attempt_at)
    values (${conversationId}, 'replies', ${after(delaySeconds)})
    on conflict (conversation_id) where kind = 'replies' and status = 'pending' do nothing`);
}

export async function queueTranscript(
  tx: Queryable,
  conversationId: string,
  address: string,
): Promise<void> {
  await tx.insert(emailOutbox).values({ conversationId, kind: 'transcript', toAddress: address });
}

/** When this conversation's last email of replies went out, if one did. */
export async function lastRepliesSentAt(
  tx: Queryable,
  conversationId: string,
): Promise<{ sentAt: Date | null; throughSeq: number }> {
  const rows = rowsOf<{ sent_at: Date | string | null; through_seq: number | null }>(
    await tx.execute(sql`
      select max(sent_at) as sent_at, max(through_seq) as through_seq from email_outbox
      where conversation_id = ${conversationId} and kind = 'replies' and status = 'sent'`),
  );
  const row = rows[0];
  return {
    sentAt: row?.sent_at ? new Date(row.sent_at) : null,
    throughSeq: row?.through_seq ?? 0,
  };
}

export class EmailOutbox {
  constructor(
    private readonly database: Database,
    private readonly leaseSeconds = 60,
  ) {}

  /** Leases up to `limit` due rows, oldest first. */
  async leaseDue(limit: number): Promise<EmailOutboxRow[]> {
    const rows = rowsOf<{ id: number | string }>(
      await this.database.execute(sql`
        update email_outbox set locked_until = ${after(this.leaseSeconds)},
          attempts = attempts + 1
        where id in (
          select id from email_outbox
          where status = 'pending' and next_attempt_at <= now()
            and (locked_until is null or locked_until < now())
          order by next_attempt_at, id limit ${limit}
          for update skip locked)
        returning id`),
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => Number(row.id));
    return this.database
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, ids))
      .orderBy(emailOutbox.nextAttemptAt, emailOutbox.id);
  }

  /**
   * Finishes a row (sent, or nothing left to send). A replies row then checks for agent
   * replies after `throughSeq` that arrived while it was pending — their events found this
   * row and added none — and queues the next email for them, in the same statement.
   */
  async finish(
    row: EmailOutboxRow,
    status: 'sent' | 'skipped' | 'dead',
    outcome: { throughSeq?: number; error?: string; followUpSeconds?: number } = {},
  ): Promise<void> {
    const throughSeq = outcome.throughSeq ?? row.throughSeq;
    await this.database.transaction(async (tx) => {
      await tx
        .update(emailOutbox)
        .set({
          status,
          throughSeq,
          lockedUntil: null,
          lastError: outcome.error?.slice(0, 1000) ?? null,
          ...(status === 'sent' ? { sentAt: new Date() } : {}),
        })
        .where(eq(emailOutbox.id, row.id));
      if (row.kind !== 'replies' || throughSeq == null) return;
      await tx.execute(sql`
        insert into email_outbox (conversation_id, kind, next_attempt_at)
        select ${row.conversationId}, 'replies', ${after(outcome.followUpSeconds ?? 0)}
        where exists (
          select 1 from messages where conversation_id = ${row.conversationId}
            and author = 'agent' and seq > ${throughSeq})
        on conflict (conversation_id) where kind = 'replies' and status = 'pending' do nothing`);
    });
  }

  /** Puts a row back for later without counting it as a failed attempt. */
  async postpone(id: number, until: Date): Promise<void> {
    await this.database
      .update(emailOutbox)
      .set({ nextAttemptAt: until, lockedUntil: null, attempts: sql`greatest(attempts - 1, 0)` })
      .where(eq(emailOutbox.id, id));
  }

  async retryLater(id: number, delaySeconds: number, error: string): Promise<void> {
    await this.database
      .update(emailOutbox)
      .set({ nextAttemptAt: after(delaySeconds), lockedUntil: null, lastError: error })
      .where(eq(emailOutbox.id, id));
  }

  /** The SMTP server is back: everything that waited for it is due now. */
  async releaseWaiting(): Promise<void> {
    await this.database
      .update(emailOutbox)
      .set({ nextAttemptAt: new Date() })
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          sql`${emailOutbox.attempts} > 0`,
          sql`${emailOutbox.nextAttemptAt} > now()`,
        ),
      );
  }
}

export interface OutboxCounts {
  pending: number;
  failed: number;
}

/** What the console shows: email waiting to go out, and email given up on. */
export async function countOutbox(tx: Queryable): Promise<OutboxCounts> {
  const rows = rowsOf<{ pending: number | string; failed: number | string }>(
    await tx.execute(sql`
      select count(*) filter (where status = 'pending') as pending,
             count(*) filter (where status = 'dead') as failed
      from email_outbox`),
  );
  return { pending: Number(rows[0]?.pending ?? 0), failed: Number(rows[0]?.failed ?? 0) };
}

const emitter = () => processSingleton('email.outbox.wake', () => new EventEmitter());

export function wakeEmailSender(): void {
  emitter().emit('wake');
}

export function onEmailSenderWake(listener: () => void): () => void {
  emitter().on('wake', listener);
  return () => emitter().off('wake', listener);
}
