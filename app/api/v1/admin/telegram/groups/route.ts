// Setup: the groups the bot was added to or written in, to pick the support group from.
import { telegramGroupsRequestSchema } from '@/lib/contracts/telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { detectGroups } from '@/lib/telegram/setup/detect-groups';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  await authenticateAdmin(request);
  const input = await readJson(request, telegramGroupsRequestSchema);
  return json(await detectGroups(input));
});
