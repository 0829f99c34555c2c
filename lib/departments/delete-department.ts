// Deletes a department. Its conversations stay, without a department (the foreign key sets
// it to null); its memberships go with it. The audit entry keeps its name and how many
// conversations it had, since the row itself is gone.
import { count, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { conversations, departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { lockDepartment } from './present';

export async function deleteDepartment(id: string, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const department = await lockDepartment(tx, id);
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(conversations)
      .where(eq(conversations.departmentId, id));
    await tx.delete(departments).where(eq(departments.id, id));
    await writeAudit(tx, actor, 'department.deleted', null, {
      departmentId: id,
      name: department.name,
      conversations: Number(total),
    });
  });
}
