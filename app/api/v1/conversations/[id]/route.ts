import { customerActor } from '@/lib/actor';
import { historyQuerySchema, updateCustomerSchema } from '@/lib/contracts/customer';
import { conversationParams } from '@/lib/contracts/params';
import { getCustomerHistory } from '@/lib/conversations/get-customer-history';
import { renameConversation } from '@/lib/conversations/rename-conversation';
import { setCustomerEmail } from '@/lib/conversations/set-customer-email';
import { noteCustomerPresent } from '@/lib/email/presence';
import { json, parse, preflight, readJson, route, searchParams } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const spec = { auth: 'customer', params: conversationParams, cors: true } as const;

export const GET = route(spec, async ({ request, params }) => {
  const { after } = parse(historyQuerySchema, searchParams(request));
  // A widget without a socket polls here: it is open, so replies need no email yet.
  noteCustomerPresent(params.id);
  return json(await getCustomerHistory(params.id, after));
});

/** The visitor's name, the address for replies by email, or both. */
export const PATCH = route(spec, async ({ request, params }) => {
  const { name, email } = await readJson(request, updateCustomerSchema);
  let conversation = name ? await renameConversation(params.id, name, customerActor) : null;
  if (email) conversation = await setCustomerEmail(params.id, email, customerActor);
  return json({ conversation });
});

export const OPTIONS = preflight;
