import { ADMIN_API } from '@/lib/auth/callers';
import { listConversationsQuerySchema } from '@/lib/contracts/admin';
import { listConversations } from '@/lib/conversations/list-conversations';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async ({ request }) => {
  const query = parse(listConversationsQuerySchema, searchParams(request));
  return json(await listConversations(query));
});
