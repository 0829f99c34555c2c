import { conversationIdSchema } from '@/lib/contracts/customer';
import { exportConversationJson } from '@/lib/conversations/export-conversation';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { download } from '@/lib/http/download';
import { parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(async (request, params) => {
  const id = parse(conversationIdSchema, params.id);
  await authenticateAdmin(request);
  const { fileName, body } = await exportConversationJson(id);
  return download(JSON.stringify(body, null, 2), fileName, 'application/json');
});
