import { customerActor } from '@/lib/actor';
import { conversationIdSchema, historyQuerySchema, renameSchema } from '@/lib/contracts/customer';
import { getCustomerHistory } from '@/lib/conversations/get-customer-history';
import { renameConversation } from '@/lib/conversations/rename-conversation';
import { authenticateCustomer, bearerToken } from '@/lib/customer-auth';
import { json, parse, preflight, readJson, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = route<Params>(
  async (request, params) => {
    const id = parse(conversationIdSchema, params.id);
    const { after } = parse(historyQuerySchema, searchParams(request));
    await authenticateCustomer(bearerToken(request.headers.get('authorization')), id);
    return json(await getCustomerHistory(id, after));
  },
  { cors: true },
);

export const PATCH = route<Params>(
  async (request, params) => {
    const id = parse(conversationIdSchema, params.id);
    await authenticateCustomer(bearerToken(request.headers.get('authorization')), id);
    const { name } = await readJson(request, renameSchema);
    return json({ conversation: await renameConversation(id, name, customerActor) });
  },
  { cors: true },
);

export const OPTIONS = preflight;
