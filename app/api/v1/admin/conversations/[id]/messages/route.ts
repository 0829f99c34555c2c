import { findAgentIdByEmail } from '@/lib/agents/agents';
import { ADMIN_API } from '@/lib/auth/callers';
import { agentMessageSchema } from '@/lib/contracts/admin';
import { conversationParams } from '@/lib/contracts/params';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: ADMIN_API, params: conversationParams },
  async ({ request, params, caller }) => {
    const { agentEmail, ...content } = await readJson(request, agentMessageSchema);
    const agentId = await findAgentIdByEmail(agentEmail);
    return json(
      { message: await postAgentMessage(params.id, agentId, content, caller.actor) },
      201,
    );
  },
);
