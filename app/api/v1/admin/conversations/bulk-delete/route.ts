import { ADMIN_API } from '@/lib/auth/callers';
import { bulkDeleteSchema } from '@/lib/contracts/admin';
import { bulkDeleteConversations } from '@/lib/conversations/delete-conversations';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// A large bulk delete takes its time; it works in bounded batches, not one long statement.
export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request, caller }) => {
  const input = await readJson(request, bulkDeleteSchema);
  return json(await bulkDeleteConversations(input, caller.actor));
});
