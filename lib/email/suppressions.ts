// Addresses that unsubscribed: nothing more goes to them, from any conversation, until the
// visitor gives the address again in the widget (asking anew).
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { emailSuppressions } from '../db/schema';

export async function suppressAddress(
  tx: Queryable,
  address: string,
  conversationId: string | null,
): Promise<void> {
  await tx
    .insert(emailSuppressions)
    .values({ address: address.toLowerCase(), conversationId })
    .onConflictDoNothing();
}

export async function liftSuppression(tx: Queryable, address: string): Promise<void> {
  await tx.delete(emailSuppressions).where(eq(emailSuppressions.address, address.toLowerCase()));
}

export async function isSuppressed(tx: Queryable, address: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(emailSuppressions)
    .where(eq(emailSuppressions.address, address.toLowerCase()));
  return Boolean(row);
}
