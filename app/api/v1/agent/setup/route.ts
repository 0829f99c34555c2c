import { createFirstAdmin } from '@/lib/agents/setup';
import { presentSessionAgent } from '@/lib/auth/session';
import { setupSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public, but only while no agent exists (the service answers 409 afterwards).
export const POST = route({ auth: 'public' }, async ({ request }) => {
  const input = await readJson(request, setupSchema);
  const admin = await createFirstAdmin(input);
  return json({ agent: presentSessionAgent(admin) }, 201);
});
