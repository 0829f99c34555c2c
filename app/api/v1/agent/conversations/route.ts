import { inboxQuerySchema } from '@/lib/contracts/agent';
import { json, parse, route, searchParams } from '@/lib/http/route';
import { listInbox } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'agent' }, async ({ request, caller }) => {
  const query = parse(inboxQuerySchema, searchParams(request));
  return json(await listInbox(caller.agent.id, query));
});
