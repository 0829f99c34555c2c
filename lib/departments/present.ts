// Reads departments as the console shows them: with their members and how many open
// conversations each has. One reader for the list and for every change's answer.
import { asc, count, eq, inArray } from 'drizzle-orm';
import { OPEN_STATUSES } from '../contracts/conversation-state';
import type { AdminDepartment } from '../contracts/departments';
import type { Queryable } from '../db/client';
import { conversations, type DepartmentRow, departmentMembers, departments } from '../db/schema';
import { notFound } from '../errors';

export function presentDepartment(
  row: DepartmentRow,
  memberIds: string[],
  openConversations: number,
): AdminDepartment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    icon: row.icon,
    color: row.color,
    greeting: row.greeting,
    sortOrder: row.sortOrder,
    active: row.active,
    telegramChatId: row.telegramChatId,
    memberIds,
    openConversations,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Departments in the order the widget and the inbox show them; all of them, or those ids. */
export async function readDepartments(
  database: Queryable,
  ids?: string[],
): Promise<AdminDepartment[]> {
  const where = ids ? inArray(departments.id, ids) : undefined;
  const rows = await database
    .select()
    .from(departments)
    .where(where)
    .orderBy(asc(departments.sortOrder), asc(departments.name), asc(departments.id));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [members, open] = await Promise.all([
    database
      .select({ departmentId: departmentMembers.departmentId, agentId: departmentMembers.agentId })
      .from(departmentMembers)
      .where(inArray(departmentMembers.departmentId, found))
      .orderBy(asc(departmentMembers.createdAt), asc(departmentMembers.agentId)),
    database
      .select({ departmentId: conversations.departmentId, open: count() })
      .from(conversations)
      .where(inArray(conversations.status, [...OPEN_STATUSES]))
      .groupBy(conversations.departmentId),
  ]);
  const memberIds = new Map<string, string[]>();
  for (const m of members)
    memberIds.set(m.departmentId, [...(memberIds.get(m.departmentId) ?? []), m.agentId]);
  const openCount = new Map(open.map((o) => [o.departmentId, Number(o.open)]));
  return rows.map((row) =>
    presentDepartment(row, memberIds.get(row.id) ?? [], openCount.get(row.id) ?? 0),
  );
}

export async function readDepartment(database: Queryable, id: string): Promise<AdminDepartment> {
  const [department] = await readDepartments(database, [id]);
  if (!department) throw notFound('Department');
  return department;
}

export async function getDepartmentRow(database: Queryable, id: string): Promise<DepartmentRow> {
  const [row] = await database.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound('Department');
  return row;
}

/** Locks a department's row for a change, or says it does not exist. */
export async function lockDepartment(database: Queryable, id: string): Promise<DepartmentRow> {
  const [row] = await database
    .select()
    .from(departments)
    .where(eq(departments.id, id))
    .for('update');
  if (!row) throw notFound('Department');
  return row;
}
