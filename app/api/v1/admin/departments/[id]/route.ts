import { departmentIdSchema, updateDepartmentSchema } from '@/lib/contracts/departments';
import { deleteDepartment } from '@/lib/departments/delete-department';
import { updateDepartment } from '@/lib/departments/update-department';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const PATCH = route<{ id: string }>(async (request, params) => {
  const actor = await authenticateAdmin(request);
  const id = parse(departmentIdSchema, params.id);
  const patch = await readJson(request, updateDepartmentSchema);
  return json({ department: await updateDepartment(id, patch, actor) });
});

export const DELETE = route<{ id: string }>(async (request, params) => {
  const actor = await authenticateAdmin(request);
  const id = parse(departmentIdSchema, params.id);
  await deleteDepartment(id, actor);
  return new Response(null, { status: 204 });
});
