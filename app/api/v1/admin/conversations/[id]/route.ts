import { ADMIN_API } from '@/lib/auth/callers';
import { conversationParams } from '@/lib/contracts/params';
import { getConversationDetails } from '@/lib/conversations/get-conversation-details';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API, params: conversationParams }, async ({ params }) =>
  json(await getConversationDetails(params.id)),
);
