import { requireAgentByEmail } from '@/lib/agents/agents';
import { agentActionSchema, claimSchema } from '@/lib/contracts/admin';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { claimConversation } from '@/lib/conversations/claim-conversation';
import { closeConversation } from '@/lib/conversations/close-conversation';
import { reopenConversation } from '@/lib/conversations/reopen-conversation';
import { unblockConversation } from '@/lib/conversations/unblock-conversation';
import { db } from '@/lib/db/client';
import { notFound } from '@/lib/errors';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string; action: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  const actor = await authenticateAdmin(request);
  switch (params.action) {
    case 'claim': {
      const { agentEmail } = await readJson(request, claimSchema);
      const agent = await requireAgentByEmail(db(), agentEmail);
      return json({ conversation: await claimConversation(id, agent.id, actor) });
    }
    case 'close': {
      const { agentEmail } = await readJson(request, agentActionSchema, { optional: true });
      const agent = agentEmail ? await requireAgentByEmail(db(), agentEmail) : undefined;
      return json({ conversation: await closeConversation(id, actor, { agentId: agent?.id }) });
    }
    case 'reopen':
      return json({ conversation: await reopenConversation(id, actor) });
    case 'block':
      return json({ conversation: await blockConversation(id, actor) });
    case 'unblock':
      return json({ conversation: await unblockConversation(id, actor) });
    default:
      throw notFound(`Action ${params.action}`);
  }
});
