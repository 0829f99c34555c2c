import { ADMIN_API } from '@/lib/auth/callers';
import { conversationFilterSchema } from '@/lib/contracts/admin';
import { countConversations } from '@/lib/conversations/count-conversations';
import { json, parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async ({ request }) => {
  const filter = parse(conversationFilterSchema, searchParams(request));
  return json({ count: await countConversations(filter) });
});
