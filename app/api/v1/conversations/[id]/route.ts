import { customerActor } from '@/lib/actor';
import { historyQuerySchema, renameSchema } from '@/lib/contracts/customer';
import { conversationParams } from '@/lib/contracts/params';
import { getCustomerHistory } from '@/lib/conversations/get-customer-history';
import { renameConversation } from '@/lib/conversations/rename-conversation';
import { json, parse, preflight, readJson, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const spec = { auth: 'customer', params: conversationParams, cors: true } as const;

export const GET = route(spec, async ({ request, params }) => {
  const { after } = parse(historyQuerySchema, searchParams(request));
  return json(await getCustomerHistory(params.id, after));
});

export const PATCH = route(spec, async ({ request, params }) => {
  const { name } = await readJson(request, renameSchema);
  return json({ conversation: await renameConversation(params.id, name, customerActor) });
});

export const OPTIONS = preflight;
