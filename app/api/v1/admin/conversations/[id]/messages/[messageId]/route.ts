import { findAgentIdByEmail } from '@/lib/agents/agents';
import { ADMIN_API } from '@/lib/auth/callers';
import { adminEditMessageSchema } from '@/lib/contracts/admin';
import { messageParams } from '@/lib/contracts/params';
import { deleteMessage } from '@/lib/conversations/delete-message';
import { editMessage } from '@/lib/conversations/edit-message';
import type { MessageEditor } from '@/lib/conversations/message-changes';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const spec = { auth: ADMIN_API, params: messageParams } as const;

/** The agent named by `agentEmail` edits their own message (within the edit window). */
export const PATCH = route(spec, async ({ request, params, caller }) => {
  const { text, agentEmail } = await readJson(request, adminEditMessageSchema);
  const editor = { agentId: await findAgentIdByEmail(agentEmail) };
  return json({
    message: await editMessage(params.id, params.messageId, editor, text, caller.actor),
  });
});

/** Deletes any message of the conversation, at any time (moderation). */
export const DELETE = route(spec, async ({ params, caller }) => {
  const editor: MessageEditor =
    caller.kind === 'admin' ? { agentId: caller.agent.id } : { service: true };
  return json({ message: await deleteMessage(params.id, params.messageId, editor, caller.actor) });
});
