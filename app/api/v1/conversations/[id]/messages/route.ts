import { conversationIdSchema, sendMessageSchema } from '@/lib/contracts/customer';
import { postCustomerMessage } from '@/lib/conversations/post-customer-message';
import { authenticateCustomer, bearerToken } from '@/lib/customer-auth';
import { json, parse, preflight, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(
  async (request, params) => {
    const id = parse(conversationIdSchema, params.id);
    await authenticateCustomer(bearerToken(request.headers.get('authorization')), id);
    const input = await readJson(request, sendMessageSchema);
    const { message, created } = await postCustomerMessage(id, input);
    return json({ message }, created ? 201 : 200);
  },
  { cors: true },
);
export const OPTIONS = preflight;
