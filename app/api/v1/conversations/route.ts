import { startConversationSchema } from '@/lib/contracts/customer';
import { startConversation } from '@/lib/conversations/start-conversation';
import { clientIpOf } from '@/lib/http/client-ip';
import { json, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  async (request) => {
    const input = await readJson(request, startConversationSchema);
    const started = await startConversation(input, {
      userAgent: request.headers.get('user-agent'),
      ip: clientIpOf(request),
    });
    return json({ conversation: started.view, token: started.token }, 201);
  },
  { cors: true },
);
export const OPTIONS = preflight;
