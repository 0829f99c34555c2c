// Setup: checks the chosen group (topics on, the bot's rights), each problem with its fix.
import { telegramGroupRequestSchema } from '@/lib/contracts/telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { checkGroup } from '@/lib/telegram/setup/check-group';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await authenticateAdmin(request);
  const input = await readJson(request, telegramGroupRequestSchema);
  return json(await checkGroup(input));
});
