import { z } from 'zod';
import { agentActor, authenticateAdminRequest } from '@/lib/auth/request-auth';
import { cannedResponseSchema } from '@/lib/contracts/agent';
import { json, parse, readJson, route } from '@/lib/http/route';
import { deleteCannedResponse, saveCannedResponse } from '@/lib/inbox/canned-responses';

export const dynamic = 'force-dynamic';

const idSchema = z.uuid('Expected a uuid');

export const PATCH = route<{ id: string }>(async (request, params) => {
  const admin = await authenticateAdminRequest(request);
  const id = parse(idSchema, params.id);
  const input = await readJson(request, cannedResponseSchema);
  return json({ cannedResponse: await saveCannedResponse(input, agentActor(admin), id) });
});

export const DELETE = route<{ id: string }>(async (request, params) => {
  const admin = await authenticateAdminRequest(request);
  const id = parse(idSchema, params.id);
  await deleteCannedResponse(id, agentActor(admin));
  return new Response(null, { status: 204 });
});
