import { settingsPatchSchema } from '@/lib/contracts/admin';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { getAllSettings, updateSettings } from '@/lib/settings/update-settings';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ settings: await getAllSettings() });
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const patch = await readJson(request, settingsPatchSchema);
  return json({ settings: await updateSettings(patch, actor) });
});
