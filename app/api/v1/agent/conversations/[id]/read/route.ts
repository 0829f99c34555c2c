import { readSchema } from '@/lib/contracts/agent';
import { conversationParams } from '@/lib/contracts/params';
import { json, readJson, route } from '@/lib/http/route';
import { markRead } from '@/lib/inbox/read-state';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'agent', params: conversationParams },
  async ({ request, params, caller }) => {
    const { seq } = await readJson(request, readSchema);
    await markRead(caller.agent.id, params.id, seq);
    return json({ ok: true });
  },
);
