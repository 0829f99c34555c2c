import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { json, parse, route } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  return json({ conversation: await getInboxConversation(agent.id, id) });
});
