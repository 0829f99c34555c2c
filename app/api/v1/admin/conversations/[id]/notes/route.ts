import { requireAgentByEmail } from '@/lib/agents/agents';
import { noteSchema } from '@/lib/contracts/admin';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { addNote } from '@/lib/conversations/add-note';
import { db } from '@/lib/db/client';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  const actor = await authenticateAdmin(request);
  const { text, agentEmail } = await readJson(request, noteSchema);
  const agent = await requireAgentByEmail(db(), agentEmail);
  return json({ note: await addNote(id, agent.id, text, actor) }, 201);
});
