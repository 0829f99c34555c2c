import { signOutEverywhere } from '@/lib/agents/sign-out-everywhere';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/** Signs the agent out everywhere: every session (this one too) and every socket ends. */
export const DELETE = route({ auth: 'agent' }, async ({ caller }) => {
  await signOutEverywhere(caller.agent.id, caller.actor);
  return json({ signedOut: true });
});
