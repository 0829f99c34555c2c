import { getProfile, updateProfile } from '@/lib/agents/profile';
import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { profileSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  return json({ profile: await getProfile(agent.id) });
});

export const PATCH = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  const changes = await readJson(request, profileSchema);
  return json({ profile: await updateProfile(agent.id, changes, agentActor(agent)) });
});
