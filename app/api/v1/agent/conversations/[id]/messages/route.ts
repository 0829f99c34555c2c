import { replySchema, transcriptQuerySchema } from '@/lib/contracts/agent';
import { conversationParams } from '@/lib/contracts/params';
import { postAgentMessage } from '@/lib/conversations/post-agent-message';
import { json, parse, readJson, route, searchParams } from '@/lib/http/route';
import { getTranscriptPage } from '@/lib/inbox/transcript';

export const dynamic = 'force-dynamic';

const spec = { auth: 'agent', params: conversationParams } as const;

/** One page of the transcript, newest first by default; `before` pages back in time. */
export const GET = route(spec, async ({ request, params }) => {
  const query = parse(transcriptQuerySchema, searchParams(request));
  return json(await getTranscriptPage(params.id, query));
});

export const POST = route(spec, async ({ request, params, caller }) => {
  const content = await readJson(request, replySchema);
  const message = await postAgentMessage(params.id, caller.agent.id, content, caller.actor);
  return json({ message }, 201);
});
