import { departmentIdSchema } from '@/lib/contracts/departments';
import { checkDepartmentTelegram } from '@/lib/departments/check-department-telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  await authenticateAdmin(request);
  const id = parse(departmentIdSchema, params.id);
  return json({ check: await checkDepartmentTelegram(id) });
});
