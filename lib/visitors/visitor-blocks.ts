// Visitor blocks (DESIGN §8): admins block a visitor id and/or an IP address, for a while or
// until lifted; a blocked visitor cannot start a new conversation.
import { and, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor';
import { actorLabel } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CreateBlockInput, VisitorBlock } from '../contracts/admin';
import { db, type Queryable } from '../db/client';
import { conversations, type VisitorBlockRow, visitorBlocks } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';

export function presentVisitorBlock(row: VisitorBlockRow): VisitorBlock {
  return {
    id: row.id,
    visitorId: row.visitorId,
    ip: row.ip,
    reason: row.reason,
    conversationId: row.conversationId,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

const isActive = (now: Date) =>
  or(isNull(visitorBlocks.expiresAt), gt(visitorBlocks.expiresAt, now));

/** The blocks in force at `now`, newest first. */
export async function listVisitorBlocks(now: Date = new Date()): Promise<VisitorBlock[]> {
  const rows = await db()
    .select()
    .from(visitorBlocks)
    .where(isActive(now))
    .orderBy(desc(visitorBlocks.createdAt), desc(visitorBlocks.id));
  return rows.map(presentVisitorBlock);
}

/** Whether a block in force covers this visitor id or address. */
export async function isVisitorBlocked(
  database: Queryable,
  visitor: { visitorId?: string | null; ip?: string | null },
  now: Date = new Date(),
): Promise<boolean> {
  const targets: SQL[] = [];
  if (visitor.visitorId) targets.push(eq(visitorBlocks.visitorId, visitor.visitorId));
  if (visitor.ip) targets.push(eq(visitorBlocks.ip, visitor.ip));
  if (targets.length === 0) return false;
  const [hit] = await database
    .select({ id: visitorBlocks.id })
    .from(visitorBlocks)
    .where(and(or(...targets), isActive(now)))
    .limit(1);
  return hit !== undefined;
}

export async function createVisitorBlock(
  input: CreateBlockInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<VisitorBlock> {
  return inTransaction(async (tx) => {
    let { visitorId, ip } = input;
    if (input.conversationId) {
      const [conversation] = await tx
        .select({ visitorId: conversations.visitorId, clientIp: conversations.clientIp })
        .from(conversations)
        .where(eq(conversations.id, input.conversationId));
      if (!conversation) throw notFound('Conversation');
      visitorId ??= conversation.visitorId ?? undefined;
      ip ??= conversation.clientIp ?? undefined;
    }
    if (!visitorId && !ip) {
      throw new AppError(
        'invalid_request',
        'conversationId: this conversation has neither a visitor id nor an IP address to block',
      );
    }
    const expiresAt =
      input.expiresAt ??
      (input.durationSeconds ? new Date(now.getTime() + input.durationSeconds * 1000) : null);
    if (expiresAt && expiresAt <= now) {
      throw new AppError('invalid_request', 'expiresAt: must be in the future');
    }
    const [row] = await tx
      .insert(visitorBlocks)
      .values({
        visitorId: visitorId ?? null,
        ip: ip ?? null,
        reason: input.reason || null,
        conversationId: input.conversationId ?? null,
        expiresAt,
        createdBy: actorLabel(actor),
      })
      .returning();
    const block = presentVisitorBlock(row!);
    await writeAudit(tx, actor, 'visitor.blocked', block.conversationId, {
      blockId: block.id,
      visitorId: block.visitorId,
      ip: block.ip,
      expiresAt: block.expiresAt,
      reason: block.reason,
    });
    return block;
  });
}

/** Lifts a block at once (an expired one can be lifted too, which tidies it away). */
export async function liftVisitorBlock(id: string, actor: Actor): Promise<VisitorBlock> {
  return inTransaction(async (tx) => {
    const [row] = await tx.delete(visitorBlocks).where(eq(visitorBlocks.id, id)).returning();
    if (!row) throw notFound('Block');
    const block = presentVisitorBlock(row);
    await writeAudit(tx, actor, 'visitor.unblocked', block.conversationId, {
      blockId: block.id,
      visitorId: block.visitorId,
      ip: block.ip,
    });
    return block;
  });
}
