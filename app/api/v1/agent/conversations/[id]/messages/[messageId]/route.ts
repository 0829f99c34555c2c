import { editMessageSchema } from '@/lib/contracts/message-content';
import { messageParams } from '@/lib/contracts/params';
import { deleteMessage } from '@/lib/conversations/delete-message';
import { editMessage } from '@/lib/conversations/edit-message';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const spec = { auth: 'agent', params: messageParams } as const;

/** Edits the agent's own message (within the edit window). */
export const PATCH = route(spec, async ({ request, params, caller }) => {
  const { text } = await readJson(request, editMessageSchema);
  const editor = { agentId: caller.agent.id };
  return json({
    message: await editMessage(params.id, params.messageId, editor, text, caller.actor),
  });
});

/** Deletes the agent's own message (within the window); an admin may delete any. */
export const DELETE = route(spec, async ({ params, caller }) => {
  const editor = { agentId: caller.agent.id };
  return json({ message: await deleteMessage(params.id, params.messageId, editor, caller.actor) });
});
