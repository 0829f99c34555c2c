import { addAgent, listTeam } from '@/lib/agents/team';
import { agentActor, authenticateAdminRequest } from '@/lib/auth/request-auth';
import { createAgentSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdminRequest(request);
  return json({ agents: await listTeam() });
});

export const POST = route(async (request) => {
  const admin = await authenticateAdminRequest(request);
  const input = await readJson(request, createAgentSchema);
  return json(await addAgent(input, agentActor(admin)), 201);
});
