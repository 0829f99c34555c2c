import { conversationIdSchema } from '@/lib/contracts/customer';
import { getConversationDetails } from '@/lib/conversations/get-conversation-details';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  await authenticateAdmin(request);
  return json(await getConversationDetails(id));
});
