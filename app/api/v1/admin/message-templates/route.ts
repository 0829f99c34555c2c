import { templateResetSchema, templateUpsertSchema } from '@/lib/contracts/admin';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, parse, readJson, route, searchParams } from '@/lib/http/route';
import {
  getTemplateCatalog,
  resetTemplate,
  upsertTemplate,
} from '@/lib/settings/message-templates';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json(await getTemplateCatalog());
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, templateUpsertSchema);
  return json({ template: await upsertTemplate(input, actor) });
});

/** Removes a stored text (`?key=…&locale=…`, locale omitted = the default text). */
export const DELETE = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = parse(templateResetSchema, searchParams(request));
  return json({ template: await resetTemplate(input, actor) });
});
