import { listAuditActions } from '@/lib/audit/list-audit';
import { ADMIN_API } from '@/lib/auth/callers';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () =>
  json({ actions: await listAuditActions() }),
);
