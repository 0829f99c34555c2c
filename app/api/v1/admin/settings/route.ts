import { ADMIN_API } from '@/lib/auth/callers';
import { settingsPatchSchema } from '@/lib/contracts/admin';
import { json, readJson, route } from '@/lib/http/route';
import { getAllSettings, updateSettings } from '@/lib/settings/update-settings';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () =>
  json({ settings: await getAllSettings() }),
);

export const POST = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const patch = await readJson(request, settingsPatchSchema);
  return json({ settings: await updateSettings(patch, caller.actor) });
});
