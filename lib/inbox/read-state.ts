// An agent has read a conversation up to `seq`; the marker only moves forward.
import { sql } from 'drizzle-orm';
import { db } from '../db/client';
import { agentReads } from '../db/schema';

export async function markRead(agentId: string, conversationId: string, seq: number) {
  await db()
    .insert(agentReads)
    .values({ agentId, conversationId, lastReadSeq: seq })
    .onConflictDoUpdate({
      target: [agentReads.agentId, agentReads.conversationId],
      set: {
        lastReadSeq: sql`greatest(${agentReads.lastReadSeq}, excluded.last_read_seq)`,
        updatedAt: new Date(),
      },
    });
}
