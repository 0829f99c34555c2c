import { conversationActionSchema } from '@/lib/contracts/agent';
import { conversationActionParams } from '@/lib/contracts/params';
import { runAgentAction } from '@/lib/conversations/run-agent-action';
import { notFound } from '@/lib/errors';
import { json, route } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'agent', params: conversationActionParams },
  async ({ params: { id, action }, caller: { agent, actor } }) => {
    const result = conversationActionSchema.safeParse(action);
    if (!result.success) throw notFound(`Action ${action}`);
    // The agent's own closing message, when they have one, is the last word.
    await runAgentAction(actor, id, result.data, { agentId: agent.id });
    return json({ conversation: await getInboxConversation(agent.id, id) });
  },
);
