import { signOutEverywhere } from '@/lib/agents/sign-out-everywhere';
import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Signs the agent out everywhere: every session (this one too) and every socket ends. */
export const DELETE = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  await signOutEverywhere(agent.id, agentActor(agent));
  return json({ signedOut: true });
});
