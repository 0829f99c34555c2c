import { agentActor, authenticateAgentRequest } from '@/lib/auth/request-auth';
import { replySchema, transcriptQuerySchema } from '@/lib/contracts/agent';
import { conversationIdSchema } from '@/lib/contracts/customer';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { json, parse, readJson, route, searchParams } from '@/lib/http/route';
import { getTranscriptPage } from '@/lib/inbox/transcript';

export const dynamic = 'force-dynamic';

/** One page of the transcript, newest first by default; `before` pages back in time. */
export const GET = route<{ id: string }>(async (request, params) => {
  await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const query = parse(transcriptQuerySchema, searchParams(request));
  return json(await getTranscriptPage(id, query));
});

export const POST = route<{ id: string }>(async (request, params) => {
  const agent = await authenticateAgentRequest(request);
  const id = parse(conversationIdSchema, params.id);
  const content = await readJson(request, replySchema);
  return json({ message: await postAgentMessage(id, agent.id, content, agentActor(agent)) }, 201);
});
