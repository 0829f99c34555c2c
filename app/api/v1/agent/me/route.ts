import { getProfile, updateProfile } from '@/lib/agents/profile';
import { profileSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'agent' }, async ({ caller }) =>
  json({ profile: await getProfile(caller.agent.id) }),
);

export const PATCH = route({ auth: 'agent' }, async ({ request, caller }) => {
  const changes = await readJson(request, profileSchema);
  return json({ profile: await updateProfile(caller.agent.id, changes, caller.actor) });
});
