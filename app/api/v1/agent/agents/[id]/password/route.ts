import { z } from 'zod';
import { resetAgentPassword } from '@/lib/agents/team';
import { agentActor, authenticateAdminRequest } from '@/lib/auth/request-auth';
import { resetPasswordSchema } from '@/lib/contracts/agent';
import { json, parse, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, params) => {
  const admin = await authenticateAdminRequest(request);
  const id = parse(z.uuid('Expected a uuid'), params.id);
  const { password } = await readJson(request, resetPasswordSchema, { optional: true });
  return json(await resetAgentPassword(id, password, agentActor(admin)));
});
