import { bulkDeleteSchema } from '@/lib/contracts/admin';
import { bulkDeleteConversations } from '@/lib/conversations/delete-conversations';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, bulkDeleteSchema);
  return json(await bulkDeleteConversations(input, actor));
});
