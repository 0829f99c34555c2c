import {
  agentActor,
  authenticateAdminRequest,
  authenticateAgentRequest,
} from '@/lib/auth/request-auth';
import { cannedResponseSchema } from '@/lib/contracts/agent';
import { json, readJson, route } from '@/lib/http/route';
import { listCannedResponses, saveCannedResponse } from '@/lib/inbox/canned-responses';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAgentRequest(request);
  return json({ cannedResponses: await listCannedResponses() });
});

export const POST = route(async (request) => {
  const admin = await authenticateAdminRequest(request);
  const input = await readJson(request, cannedResponseSchema);
  return json({ cannedResponse: await saveCannedResponse(input, agentActor(admin)) }, 201);
});
