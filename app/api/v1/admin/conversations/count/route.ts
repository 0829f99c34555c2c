import { conversationFilterSchema } from '@/lib/contracts/admin';
import { countConversations } from '@/lib/conversations/count-conversations';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const filter = parse(conversationFilterSchema, searchParams(request));
  await authenticateAdmin(request);
  return json({ count: await countConversations(filter) });
});
