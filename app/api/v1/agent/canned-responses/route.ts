import { cannedResponseSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';
import { listCannedResponses, saveCannedResponse } from '@/lib/inbox/canned-responses';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: 'agent' }, async () =>
  json({ cannedResponses: await listCannedResponses() }),
);

export const POST = route({ auth: 'admin' }, async ({ request, caller }) => {
  const input = await readJson(request, cannedResponseSchema);
  return json({ cannedResponse: await saveCannedResponse(input, caller.actor) }, 201);
});
