import { listAudit } from '@/lib/audit/list-audit';
import { ADMIN_API } from '@/lib/auth/callers';
import { listAuditQuerySchema } from '@/lib/contracts/audit';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async ({ request }) => {
  const query = parse(listAuditQuerySchema, searchParams(request));
  return json(await listAudit(query));
});
