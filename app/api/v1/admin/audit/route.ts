import { listAudit } from '@/lib/audit/list-audit';
import { listAuditQuerySchema } from '@/lib/contracts/audit';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  const query = parse(listAuditQuerySchema, searchParams(request));
  return json(await listAudit(query));
});
