// Setup: checks the chosen group (topics on, the bot's rights), each problem with its fix.
import { ADMIN_API } from '@/lib/auth/callers';
import { telegramGroupRequestSchema } from '@/lib/contracts/telegram';
import { json, readJson, route } from '@/lib/http/route';
import { checkGroup } from '@/lib/telegram/setup/check-group';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request }) => {
  const input = await readJson(request, telegramGroupRequestSchema);
  return json(await checkGroup(input));
});
