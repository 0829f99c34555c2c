import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { readSchema } from '@/lib/contracts/agent';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { json, parse, readJson, route } from '@/lib/http/route';
import { markRead } from '@/lib/inbox/read-state';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const { seq } = await readJson(request, readSchema);
  await markRead(agent.id, id, seq);
  return json({ ok: true });
});
