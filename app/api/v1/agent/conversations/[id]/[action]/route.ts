import { type ConversationAction, conversationActionSchema } from '@/lib/contracts/agent';
import { conversationActionParams } from '@/lib/contracts/params';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { reopenConversation } from '@/lib/conversations/reopen-conversation';
import { unblockConversation } from '@/lib/conversations/unblock-conversation';
import { notFound } from '@/lib/errors';
import { json, route } from '@/lib/http/route';
import { getInboxConversation } from '@/lib/inbox/list-inbox';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'agent', params: conversationActionParams },
  async ({ params: { id, action }, caller: { agent, actor } }) => {
    const result = conversationActionSchema.safeParse(action);
    if (!result.success) throw notFound(`Action ${action}`);
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
  },
);
