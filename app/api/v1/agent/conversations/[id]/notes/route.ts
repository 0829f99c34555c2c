import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { replySchema } from '@/lib/contracts/agent';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { addNote } from '@/lib/conversations/add-note';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const { text } = await readJson(request, replySchema);
  return json({ note: await addNote(id, agent.id, text, agentActor(agent)) }, 201);
});
