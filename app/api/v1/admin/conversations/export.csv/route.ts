import { ADMIN_API } from '@/lib/auth/callers';
import { conversationFilterSchema } from '@/lib/contracts/admin';
import { streamConversationsCsv } from '@/lib/conversations/export-conversations-csv';
import { exportFileName } from '@/lib/conversations/export-csv';
import { download } from '@/lib/http/download';
import { parse, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async ({ request }) => {
  const filter = parse(conversationFilterSchema, searchParams(request));
  const day = new Date().toISOString().slice(0, 10);
  return download(
    streamConversationsCsv(filter),
    exportFileName(`conversations ${day}`, 'csv'),
    'text/csv',
  );
});
