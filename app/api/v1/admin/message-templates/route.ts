import { ADMIN_API } from '@/lib/auth/callers';
import { templateResetSchema, templateUpsertSchema } from '@/lib/contracts/admin';
import { json, parse, readJson, route, searchParams } from '@/lib/http/route';
import {
  getTemplateCatalog,
  resetTemplate,
  upsertTemplate,
} from '@/lib/settings/message-templates';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () => json(await getTemplateCatalog()));

export const POST = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const input = await readJson(request, templateUpsertSchema);
  return json({ template: await upsertTemplate(input, caller.actor) });
});

/** Removes a stored text (`?key=…&locale=…`, locale omitted = the default text). */
export const DELETE = route({ auth: ADMIN_API }, async ({ request, caller }) => {
  const input = parse(templateResetSchema, searchParams(request));
  return json({ template: await resetTemplate(input, caller.actor) });
});
