import { replySchema } from '@/lib/contracts/agent';
import { conversationParams } from '@/lib/contracts/params';
import { addNote } from '@/lib/conversations/add-note';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'agent', params: conversationParams },
  async ({ request, params, caller }) => {
    const content = await readJson(request, replySchema);
    return json({ note: await addNote(params.id, caller.agent.id, content, caller.actor) }, 201);
  },
);
