// Reopens a closed conversation: back to the unclaimed queue, with a system message.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import type { Queryable } from '../db/client';
import type { ConversationRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { customerView, lockConversation, updateConversation } from './conversation-rows';
import { transition } from './status';
import { emitSystemMessage } from './system-messages';

/** Reopens a conversation already locked by the caller's transaction. */
export async function reopenLocked(
  tx: Queryable,
  conversation: ConversationRow,
  actor: Actor,
): Promise<ConversationRow> {
  const status = transition('reopen', conversation.status);
  const reopened = await updateConversation(tx, conversation.id, {
    status,
    assignedAgentId: null,
    closedAt: null,
    awaitingClaimSince: null,
    reminderLevel: 0,
  });
  const current = await emitSystemMessage(tx, reopened, 'conversation_reopened', actor);
  await writeAudit(tx, actor, 'conversation.reopened', conversation.id);
  await recordEvent(tx, 'conversation.reopened', actor, conversation.id, {
    conversation: await customerView(tx, current),
  });
  return current;
}

export async function reopenConversation(
  conversationId: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    return customerView(tx, await reopenLocked(tx, conversation, actor));
  });
}
