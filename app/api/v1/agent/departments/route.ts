import { json, route } from '@/lib/http/route';
import { listDepartments } from '@/lib/inbox/departments';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'agent' }, async ({ caller }) =>
  json({ departments: await listDepartments(caller.agent.id) }),
);
