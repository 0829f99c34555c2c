import { ADMIN_API } from '@/lib/auth/callers';
import { conversationParams } from '@/lib/contracts/params';
import { exportConversationJson } from '@/lib/conversations/export-conversation';
import { download } from '@/lib/http/download';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API, params: conversationParams }, async ({ params }) => {
  const { fileName, body } = await exportConversationJson(params.id);
  return download(JSON.stringify(body, null, 2), fileName, 'application/json');
});
