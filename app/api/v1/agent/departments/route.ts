import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { json, route } from '@/lib/http/route';
import { listDepartments } from '@/lib/inbox/departments';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  return json({ departments: await listDepartments(agent.id) });
});
