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

/** Adds a canned response, or (with `id`) replaces the one with that id. */
export async function saveCannedResponse(
  input: CannedResponseInput,
  actor: Actor,
  id?: string,
): Promise<CannedResponse> {
  try {
    return await inTransaction(async (tx) => {
      const [row] = id
        ? await tx
            .update(cannedResponses)
            .set({ ...input, updatedAt: new Date() })
            .where(eq(cannedResponses.id, id))
            .returning()
        : await tx
            .insert(cannedResponses)
            .values({ ...input, createdBy: actor.type === 'agent' ? actor.agentId : null })
            .returning();
      if (!row) throw notFound('Canned response');
      const action = id ? 'canned_response.updated' : 'canned_response.created';
      await writeAudit(tx, actor, action, null, { id: row.id, shortcut: row.shortcut });
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
