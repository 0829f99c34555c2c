// The audit trail: every transition, with its actor, in the transaction that made it.
import { type Actor, actorLabel } from '../actor';
import type { Queryable } from '../db/client';
import { auditLog } from '../db/schema';

export async function writeAudit(
  tx: Queryable,
  actor: Actor,
  action: string,
  conversationId: string | null,
  meta: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditLog).values({ actor: actorLabel(actor), action, conversationId, meta });
}
