import { z } from 'zod';
import { updateAgent } from '@/lib/agents/team';
import { agentActor, authenticateAdminRequest } from '@/lib/auth/request-auth';
import { updateAgentSchema } from '@/lib/contracts/agent';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const PATCH = route<{ id: string }>(async (request, params) => {
  const admin = await authenticateAdminRequest(request);
  const id = parse(z.uuid('Expected a uuid'), params.id);
  const input = await readJson(request, updateAgentSchema);
  return json({ agent: await updateAgent(id, input, agentActor(admin)) });
});
