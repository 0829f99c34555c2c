import { createDepartmentSchema } from '@/lib/contracts/departments';
import { createDepartment } from '@/lib/departments/create-department';
import { listDepartments } from '@/lib/departments/list-departments';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ departments: await listDepartments() });
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, createDepartmentSchema);
  return json({ department: await createDepartment(input, actor) }, 201);
});
