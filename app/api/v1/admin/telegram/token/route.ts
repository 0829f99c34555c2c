// Setup: checks a pasted bot token (getMe) without saving it.
import { ADMIN_API } from '@/lib/auth/callers';
import { telegramTokenCheckSchema } from '@/lib/contracts/telegram';
import { json, readJson, route } from '@/lib/http/route';
import { checkBotToken } from '@/lib/telegram/setup/check-bot-token';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request }) => {
  const input = await readJson(request, telegramTokenCheckSchema);
  return json(await checkBotToken(input));
});
