// Setup: the groups the bot was added to or written in, to pick the support group from.
import { ADMIN_API } from '@/lib/auth/callers';
import { telegramGroupsRequestSchema } from '@/lib/contracts/telegram';
import { json, readJson, route } from '@/lib/http/route';
import { detectGroups } from '@/lib/telegram/setup/detect-groups';

export const dynamic = 'force-dynamic';

export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request }) => {
  const input = await readJson(request, telegramGroupsRequestSchema);
  return json(await detectGroups(input));
});
