import { listConversationsQuerySchema } from '@/lib/contracts/admin';
import { listConversations } from '@/lib/conversations/list-conversations';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const query = parse(listConversationsQuerySchema, searchParams(request));
  await authenticateAdmin(request);
  return json(await listConversations(query));
});
