// Setup: checks a pasted bot token (getMe) without saving it.
import { telegramTokenCheckSchema } from '@/lib/contracts/telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { checkBotToken } from '@/lib/telegram/setup/check-bot-token';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await authenticateAdmin(request);
  const input = await readJson(request, telegramTokenCheckSchema);
  return json(await checkBotToken(input));
});
