import { sendMessageSchema } from '@/lib/contracts/customer';
import { conversationParams } from '@/lib/contracts/params';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { json, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(
  { auth: 'customer', params: conversationParams, cors: true },
  async ({ request, params }) => {
    const input = await readJson(request, sendMessageSchema);
    const { message, created } = await postCustomerMessage(params.id, input);
    return json({ message }, created ? 201 : 200);
  },
);
export const OPTIONS = preflight;
