// The console's list of departments: every one, active or not, in their order.
import type { AdminDepartment } from '../contracts/departments';
import { db } from '../db/client';
import { readDepartments } from './present';

export async function listDepartments(): Promise<AdminDepartment[]> {
  return readDepartments(db());
}
