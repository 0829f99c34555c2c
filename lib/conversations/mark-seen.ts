// The customer has read up to `seq`: kept on the conversation and shown to agents.
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { customerActor } from '../actor';
import { conversations } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';

/** Moves the read marker forward only; returns whether it moved. */
export async function markSeenByCustomer(conversationId: string, seq: number): Promise<boolean> {
  const target = sql<number>`least(${seq}, ${conversations.lastSeq})`;
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(conversations)
      .set({ customerSeenSeq: target })
      .where(
        and(
          eq(conversations.id, conversationId),
          lt(conversations.customerSeenSeq, target),
          // Nothing from a blocked customer reaches agents, read receipts included.
          ne(conversations.status, 'blocked'),
        ),
      )
      .returning({ seen: conversations.customerSeenSeq });
    if (!row) return false;
    await recordEvent(tx, 'conversation.seen', customerActor, conversationId, {
      conversationId,
      seq: row.seen,
    });
    return true;
  });
}
