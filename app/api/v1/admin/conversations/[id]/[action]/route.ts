import { findAgentIdByEmail } from '@/lib/agents/agents';
import { ADMIN_API } from '@/lib/auth/callers';
import { agentActionSchema, claimSchema } from '@/lib/contracts/admin';
import { isConversationAction } from '@/lib/contracts/conversation-state';
import { conversationActionParams } from '@/lib/contracts/params';
import { runAgentAction } from '@/lib/conversations/run-agent-action';
import { notFound } from '@/lib/errors';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** The agent an admin acts for: required to claim, optional to close (their closing message). */
async function agentFor(request: Request, action: string): Promise<string | undefined> {
  if (action === 'claim') {
    return findAgentIdByEmail((await readJson(request, claimSchema)).agentEmail);
  }
  if (action === 'close') {
    const { agentEmail } = await readJson(request, agentActionSchema, { optional: true });
    return agentEmail ? findAgentIdByEmail(agentEmail) : undefined;
  }
  return undefined;
}

export const POST = route(
  { auth: ADMIN_API, params: conversationActionParams },
  async ({ request, params: { id, action }, caller: { actor } }) => {
    if (!isConversationAction(action)) throw notFound(`Action ${action}`);
    const agentId = await agentFor(request, action);
    return json({ conversation: await runAgentAction(actor, id, action, { agentId }) });
  },
);
