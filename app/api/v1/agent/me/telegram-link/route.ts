import { createTelegramLinkCode } from '@/lib/agents/telegram-link';
import { authenticateAgentRequest } from '@/lib/auth/request-auth';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const agent = await authenticateAgentRequest(request);
  const { code, expiresAt } = await createTelegramLinkCode(agent.id);
  return json({ code, expiresAt: new Date(expiresAt).toISOString() }, 201);
});
