// A partial update of a department: its look, its greeting, whether visitors can pick it,
// its own Telegram supergroup and its members. Conversations that already have a topic
// stay where it is; only new topics go to a changed supergroup.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { AdminDepartment, UpdateDepartmentInput } from '../contracts/departments';
import { departments } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { lockDepartment, readDepartment } from './present';
import { setDepartmentMembers } from './set-department-members';

export async function updateDepartment(
  id: string,
  patch: UpdateDepartmentInput,
  actor: Actor,
): Promise<AdminDepartment> {
  return inTransaction(async (tx) => {
    const before = await lockDepartment(tx, id);
    const { memberIds, ...columns } = patch;
    const changed = Object.keys(columns).filter(
      (key) => columns[key as keyof typeof columns] !== before[key as keyof typeof columns],
    );
    if (Object.keys(columns).length) {
      await tx
        .update(departments)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(departments.id, id));
    }
    if (memberIds && (await setDepartmentMembers(tx, id, memberIds))) changed.push('memberIds');
    await writeAudit(tx, actor, 'department.updated', null, {
      departmentId: id,
      fields: changed,
      ...(changed.includes('active') ? { active: patch.active } : {}),
      ...(changed.includes('telegramChatId') ? { telegramChatId: patch.telegramChatId } : {}),
      ...(changed.includes('memberIds') ? { memberIds } : {}),
    });
    return readDepartment(tx, id);
  });
}
