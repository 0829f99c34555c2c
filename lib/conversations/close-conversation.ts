// Closes a conversation. The closing message (the agent's own, or the template) is in the
// transcript before the status changes, so the widget shows it as the last word.
import type { Actor } from '../actor';
import { getAgent } from '../agents/agents';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import type { Queryable } from '../db/client';
import type { ConversationRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { appendMessage } from './append-message';
import { customerView, lockConversation, updateConversation } from './conversation-rows';
import { transition } from './status';
import { emitSystemMessage, type TemplateKey } from './system-messages';

export interface CloseOptions {
  /** The agent closing it, whose own closing message is used when they have one. */
  agentId?: string;
  /** `auto_closed` for the idle sweep; `closing_message` otherwise. */
  template?: Extract<TemplateKey, 'closing_message' | 'auto_closed'>;
}

/** Closes a conversation already locked by the caller's transaction. */
export async function closeLocked(
  tx: Queryable,
  locked: ConversationRow,
  actor: Actor,
  options: CloseOptions = {},
): Promise<CustomerConversation> {
  const status = transition('close', locked.status);
  let conversation = locked;
  const agent = options.agentId ? await getAgent(tx, options.agentId) : undefined;
  if (agent?.closingMessage && !options.template) {
    ({ conversation } = await appendMessage(
      tx,
      conversation,
      {
        author: 'agent',
        text: agent.closingMessage,
        agentId: agent.id,
        agentName: agent.name,
        agentAvatarHash: agent.avatarHash,
      },
      actor,
    ));
  } else {
    conversation = await emitSystemMessage(
      tx,
      conversation,
      options.template ?? 'closing_message',
      actor,
    );
  }
  const closed = await updateConversation(tx, conversation.id, {
    status,
    closedAt: new Date(),
  });
  await writeAudit(tx, actor, 'conversation.closed', conversation.id, {
    template: options.template ?? null,
  });
  const view = await customerView(tx, closed);
  await recordEvent(tx, 'conversation.closed', actor, conversation.id, { conversation: view });
  return view;
}

export async function closeConversation(
  conversationId: string,
  actor: Actor,
  options: CloseOptions = {},
): Promise<CustomerConversation> {
  return inTransaction(async (tx) =>
    closeLocked(tx, await lockConversation(tx, conversationId), actor, options),
  );
}
