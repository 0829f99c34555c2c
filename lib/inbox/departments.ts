// Departments for the inbox: its filter (active ones first, in their order; inactive ones
// stay filterable for their old conversations) and whom new work alerts first.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { InboxDepartment } from '../contracts/departments';
import { db } from '../db/client';
import { departmentMembers, departments } from '../db/schema';

export async function listDepartments(agentId: string): Promise<InboxDepartment[]> {
  const rows = await db()
    .select({
      id: departments.id,
      name: departments.name,
      active: departments.active,
      memberCount: sql<number>`count(${departmentMembers.agentId})::int`,
      isMember: sql<boolean>`coalesce(bool_or(${departmentMembers.agentId} = ${agentId}), false)`,
    })
    .from(departments)
    .leftJoin(departmentMembers, eq(departmentMembers.departmentId, departments.id))
    .groupBy(departments.id)
    .orderBy(desc(departments.active), asc(departments.sortOrder), asc(departments.name));
  return rows;
}
