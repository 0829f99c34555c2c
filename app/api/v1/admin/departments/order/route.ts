import { reorderDepartmentsSchema } from '@/lib/contracts/departments';
import { reorderDepartments } from '@/lib/departments/reorder-departments';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, reorderDepartmentsSchema);
  return json({ departments: await reorderDepartments(input, actor) });
});
