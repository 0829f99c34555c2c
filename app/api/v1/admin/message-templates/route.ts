import { templateUpsertSchema } from '@/lib/contracts/admin';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { listTemplates, upsertTemplate } from '@/lib/settings/message-templates';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ templates: await listTemplates() });
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, templateUpsertSchema);
  return json({ template: await upsertTemplate(input, actor) });
});
