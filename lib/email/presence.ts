// Whether a visitor still has the widget open: the customer namespace marks a conversation
// present when a socket connects or leaves and refreshes the mark while one stays, so "last
// seen" holds across instances and survives a crashed one (its marks simply age).
import { eq, sql } from 'drizzle-orm';
import { db, type Queryable } from '../db/client';
import { customerPresence } from '../db/schema';
import { isEmailActive } from '../events/subscribers';
import { logger } from '../log';

/** Marks these conversations' widgets as open now. */
export async function markCustomersPresent(tx: Queryable, conversationIds: string[]) {
  if (conversationIds.length === 0) return;
  await tx.execute(sql`
    insert into customer_presence (conversation_id, seen_at)
    select id, now() from unnest(${`{${conversationIds.join(',')}}`}::uuid[]) as id
    on conflict (conversation_id) do update set seen_at = excluded.seen_at`);
}

/**
 * A widget of the conversation is open right now (a socket connected or left, or a widget
 * without a socket polled): recorded while email is on; a failure only costs accuracy.
 */
export function noteCustomerPresent(conversationId: string): void {
  if (!isEmailActive()) return;
  markCustomersPresent(db(), [conversationId]).catch((error) =>
    logger().warn({ err: error }, 'could not mark the widget present'),
  );
}

/** When a widget of the conversation was last known open, or null if never. */
export async function customerLastSeenAt(
  tx: Queryable,
  conversationId: string,
): Promise<Date | null> {
  const [row] = await tx
    .select({ seenAt: customerPresence.seenAt })
    .from(customerPresence)
    .where(eq(customerPresence.conversationId, conversationId));
  return row?.seenAt ?? null;
}

/** How often open widgets are re-marked: well within the away threshold. */
export const presenceRefreshSeconds = (awaySeconds: number) =>
  Math.max(1, Math.min(20, Math.floor(awaySeconds / 3)));
