// Puts departments in the order the admin chose; the widget's picker and the inbox's filter
// follow it. Departments left out keep their relative order after the listed ones.
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { AdminDepartment, ReorderDepartmentsInput } from '../contracts/departments';
import { departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { readDepartments } from './present';

export async function reorderDepartments(
  { ids }: ReorderDepartmentsInput,
  actor: Actor,
): Promise<AdminDepartment[]> {
  return inTransaction(async (tx) => {
    // Locked in one stable order, so two reorders at once cannot deadlock.
    const rows = await tx
      .select({ id: departments.id, sortOrder: departments.sortOrder })
      .from(departments)
      .orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.id))
      .for('update');
    const known = new Set(rows.map((r) => r.id));
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw notFound(`Department ${unknown}`);
    const listed = new Set(ids);
    const order = [...ids, ...rows.map((r) => r.id).filter((id) => !listed.has(id))];
    const current = new Map(rows.map((r) => [r.id, r.sortOrder]));
    for (const [position, id] of order.entries()) {
      if (current.get(id) === position) continue;
      await tx
        .update(departments)
        .set({ sortOrder: position, updatedAt: new Date() })
        .where(eq(departments.id, id));
    }
    await writeAudit(tx, actor, 'department.reordered', null, { ids: order });
    return readDepartments(tx);
  });
}
