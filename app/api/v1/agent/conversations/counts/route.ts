import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { countsQuerySchema } from '@/lib/contracts/agent';
import { json, parse, route, searchParams } from '@/lib/http/route';
import { getInboxCounts } from '@/lib/inbox/inbox-counts';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  const { departmentId } = parse(countsQuerySchema, searchParams(request));
  return json({ counts: await getInboxCounts(agent.id, departmentId) });
});
