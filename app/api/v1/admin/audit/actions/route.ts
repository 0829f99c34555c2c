import { listAuditActions } from '@/lib/audit/list-audit';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ actions: await listAuditActions() });
});
