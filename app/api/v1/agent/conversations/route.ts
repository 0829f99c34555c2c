import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { inboxQuerySchema } from '@/lib/contracts/agent';
import { json, parse, route, searchParams } from '@/lib/http/route';
import { listInbox } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  const query = parse(inboxQuerySchema, searchParams(request));
  return json(await listInbox(agent.id, query));
});
