import { requireAgentByEmail } from '@/lib/agents/agents';
import { agentMessageSchema } from '@/lib/contracts/admin';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { db } from '@/lib/db/client';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  const actor = await authenticateAdmin(request);
  const { agentEmail, ...content } = await readJson(request, agentMessageSchema);
  const agent = await requireAgentByEmail(db(), agentEmail);
  return json({ message: await postAgentMessage(id, agent.id, content, actor) }, 201);
});
