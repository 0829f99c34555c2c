// Creates a department, placed after the existing ones unless it says otherwise.
import { max } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { AdminDepartment, CreateDepartmentInput } from '../contracts/departments';
import { departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { readDepartment } from './present';
import { setDepartmentMembers } from './set-department-members';

export async function createDepartment(
  input: CreateDepartmentInput,
  actor: Actor,
): Promise<AdminDepartment> {
  return inTransaction(async (tx) => {
    const [{ last } = { last: null }] = await tx
      .select({ last: max(departments.sortOrder) })
      .from(departments);
    const [row] = await tx
      .insert(departments)
      .values({
        name: input.name,
        description: input.description ?? null,
        icon: input.icon ?? null,
        color: input.color ?? null,
        greeting: input.greeting ?? null,
        active: input.active ?? true,
        telegramChatId: input.telegramChatId ?? null,
        sortOrder: (last ?? -1) + 1,
      })
      .returning();
    const department = row!;
    if (input.memberIds?.length) await setDepartmentMembers(tx, department.id, input.memberIds);
    await writeAudit(tx, actor, 'department.created', null, {
      departmentId: department.id,
      name: department.name,
      memberIds: input.memberIds ?? [],
      telegramChatId: department.telegramChatId,
    });
    return readDepartment(tx, department.id);
  });
}
