// Canned responses: replies agents insert with `/shortcut`; admins add, edit and remove them.
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CannedResponse, CannedResponseInput } from '../contracts/agent';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { type CannedResponseRow, cannedResponses } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';

const present = (row: CannedResponseRow): CannedResponse => ({
  id: row.id,
  shortcut: row.shortcut,
  text: row.text,
});

const duplicate = (shortcut: string) => conflict(`The shortcut /${shortcut} is already taken`);

export async function listCannedResponses(): Promise<CannedResponse[]> {
  const rows = await db().select().from(cannedResponses).orderBy(asc(cannedResponses.shortcut));
  return rows.map(present);
}

export async function createCannedResponse(
  input: CannedResponseInput,
  actor: Actor,
): Promise<CannedResponse> {
  try {
    return await inTransaction(async (tx) => {
      const [row] = await tx
        .insert(cannedResponses)
        .values({ ...input, createdBy: actor.type === 'agent' ? actor.agentId : null })
        .returning();
      await writeAudit(tx, actor, 'canned_response.created', null, { id: row!.id });
      return present(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'canned_responses_shortcut_idx')) throw duplicate(input.shortcut);
    throw error;
  }
}

export async function updateCannedResponse(
  id: string,
  input: CannedResponseInput,
  actor: Actor,
): Promise<CannedResponse> {
  try {
    return await inTransaction(async (tx) => {
      const [row] = await tx
        .update(cannedResponses)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(cannedResponses.id, id))
        .returning();
      if (!row) throw notFound('Canned response');
      await writeAudit(tx, actor, 'canned_response.updated', null, { id });
      return present(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'canned_responses_shortcut_idx')) throw duplicate(input.shortcut);
    throw error;
  }
}

export async function deleteCannedResponse(id: string, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const [row] = await tx
      .delete(cannedResponses)
      .where(eq(cannedResponses.id, id))
      .returning({ id: cannedResponses.id });
    if (!row) throw notFound('Canned response');
    await writeAudit(tx, actor, 'canned_response.deleted', null, { id });
  });
}
