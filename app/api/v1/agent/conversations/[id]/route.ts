import { conversationParams } from '@/lib/contracts/params';
import { json, route } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const GET = route(
  { auth: 'agent', params: conversationParams },
  async ({ params, caller }) =>
    json({ conversation: await getInboxConversation(caller.agent.id, params.id) }),
);
