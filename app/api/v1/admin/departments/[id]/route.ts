import { ADMIN_API } from '@/lib/auth/callers';
import { updateDepartmentSchema } from '@/lib/contracts/departments';
import { idParams } from '@/lib/contracts/params';
import { deleteDepartment } from '@/lib/departments/delete-department';
import { updateDepartment } from '@/lib/departments/update-department';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const spec = { auth: ADMIN_API, params: idParams };

export const PATCH = route(spec, async ({ request, params, caller }) => {
  const patch = await readJson(request, updateDepartmentSchema);
  return json({ department: await updateDepartment(params.id, patch, caller.actor) });
});

export const DELETE = route(spec, async ({ params, caller }) => {
  await deleteDepartment(params.id, caller.actor);
  return new Response(null, { status: 204 });
});
