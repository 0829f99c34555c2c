import { findAgentIdByEmail } from '@/lib/agents/agents';
import { ADMIN_API } from '@/lib/auth/callers';
import { noteSchema } from '@/lib/contracts/admin';
import { conversationParams } from '@/lib/contracts/params';
import { addNote } from '@/lib/conversations/add-note';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: ADMIN_API, params: conversationParams },
  async ({ request, params, caller }) => {
    const { agentEmail, ...content } = await readJson(request, noteSchema);
    const agentId = await findAgentIdByEmail(agentEmail);
    return json({ note: await addNote(params.id, agentId, content, caller.actor) }, 201);
  },
);
