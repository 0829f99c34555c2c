import { findAgentIdByEmail } from '@/lib/agents/agents';
import { ADMIN_API } from '@/lib/auth/callers';
import { agentActionSchema, claimSchema } from '@/lib/contracts/admin';
import { conversationActionParams } from '@/lib/contracts/params';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { reopenConversation } from '@/lib/conversations/reopen-conversation';
import { unblockConversation } from '@/lib/conversations/unblock-conversation';
import { notFound } from '@/lib/errors';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: ADMIN_API, params: conversationActionParams },
  async ({ request, params: { id, action }, caller: { actor } }) => {
    switch (action) {
      case 'claim': {
        const { agentEmail } = await readJson(request, claimSchema);
        const agentId = await findAgentIdByEmail(agentEmail);
        return json({ conversation: await claimConversation(id, agentId, actor) });
      }
      case 'close': {
        const { agentEmail } = await readJson(request, agentActionSchema, { optional: true });
        const agentId = agentEmail ? await findAgentIdByEmail(agentEmail) : undefined;
        return json({ conversation: await closeConversation(id, actor, { agentId }) });
      }
      case 'reopen':
        return json({ conversation: await reopenConversation(id, actor) });
      case 'block':
        return json({ conversation: await blockConversation(id, actor) });
      case 'unblock':
        return json({ conversation: await unblockConversation(id, actor) });
      default:
        throw notFound(`Action ${action}`);
    }
  },
);
