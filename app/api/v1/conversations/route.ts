import { startConversationSchema } from '@/lib/contracts/customer';
import { startConversation } from '@/lib/conversations/start-conversation';
import { clientIpOf } from '@/lib/http/client-ip';
import { json, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// Public: starting a conversation is what hands out the customer's token.
export const POST = route({ auth: 'public', cors: true }, async ({ request }) => {
  const input = await readJson(request, startConversationSchema);
  const started = await startConversation(input, {
    userAgent: request.headers.get('user-agent'),
    ip: clientIpOf(request),
  });
  return json({ conversation: started.view, token: started.token }, 201);
});
export const OPTIONS = preflight;
