// Departments for the inbox's filter.
import { asc } from 'drizzle-orm';
import type { Department } from '../contracts/agent';
import { db } from '../db/client';
import { departments } from '../db/schema';

export async function listDepartments(): Promise<Department[]> {
  return db()
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}
