import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { type ConversationAction, conversationActionSchema } from '@/lib/contracts/agent';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { reopenConversation } from '@/lib/conversations/reopen-conversation';
import { unblockConversation } from '@/lib/conversations/unblock-conversation';
import { notFound } from '@/lib/errors';
import { json, parse, route } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string; action: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const result = conversationActionSchema.safeParse(params.action);
  if (!result.success) throw notFound(`Action ${params.action}`);
  const actor = agentActor(agent);
  const run: Record<ConversationAction, () => Promise<unknown>> = {
    claim: () => claimConversation(id, agent.id, actor),
    // The agent's own closing message, when they have one, is the last word.
    close: () => closeConversation(id, actor, { agentId: agent.id }),
    reopen: () => reopenConversation(id, actor),
    block: () => blockConversation(id, actor),
    unblock: () => unblockConversation(id, actor),
  };
  await run[result.data]();
  return json({ conversation: await getInboxConversation(agent.id, id) });
});
