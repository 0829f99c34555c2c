import { countsQuerySchema } from '@/lib/contracts/agent';
import { json, parse, route, searchParams } from '@/lib/http/route';
import { getInboxCounts } from '@/lib/inbox/inbox-counts';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'agent' }, async ({ request, caller }) => {
  const { departmentId } = parse(countsQuerySchema, searchParams(request));
  return json({ counts: await getInboxCounts(caller.agent.id, departmentId) });
});
