import { createTelegramLinkCode } from '@/lib/agents/telegram-link';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: 'agent' }, async ({ caller }) => {
  const { code, expiresAt } = await createTelegramLinkCode(caller.agent.id);
  return json({ code, expiresAt: new Date(expiresAt).toISOString() }, 201);
});
