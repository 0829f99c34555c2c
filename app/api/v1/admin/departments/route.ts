import { ADMIN_API } from '@/lib/auth/callers';
import { createDepartmentSchema } from '@/lib/contracts/departments';
import { createDepartment } from '@/lib/departments/create-department';
import { listDepartments } from '@/lib/departments/list-departments';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () =>
  json({ departments: await listDepartments() }),
);

export const POST = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const input = await readJson(request, createDepartmentSchema);
  return json({ department: await createDepartment(input, caller.actor) }, 201);
});
