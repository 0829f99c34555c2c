import { cannedResponseSchema } from '@/lib/contracts/agent';
import { idParams } from '@/lib/contracts/params';
import { json, readJson, route } from '@/lib/http/route';
import { deleteCannedResponse, saveCannedResponse } from '@/lib/inbox/canned-responses';

export const dynamic = 'force-dynamic';

const spec = { auth: 'admin', params: idParams } as const;

export const PATCH = route(spec, async ({ request, params, caller }) => {
  const input = await readJson(request, cannedResponseSchema);
  return json({ cannedResponse: await saveCannedResponse(input, caller.actor, params.id) });
});

export const DELETE = route(spec, async ({ params, caller }) => {
  await deleteCannedResponse(params.id, caller.actor);
  return new Response(null, { status: 204 });
});
