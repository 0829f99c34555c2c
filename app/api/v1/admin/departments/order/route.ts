import { ADMIN_API } from '@/lib/auth/callers';
import { reorderDepartmentsSchema } from '@/lib/contracts/departments';
import { reorderDepartments } from '@/lib/departments/reorder-departments';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const input = await readJson(request, reorderDepartmentsSchema);
  return json({ departments: await reorderDepartments(input, caller.actor) });
});
