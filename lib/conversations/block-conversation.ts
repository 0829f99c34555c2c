// Blocks a conversation: the customer can no longer write and nothing reaches agents. The
// token version goes up, so the customer's token is refused from now on (401) and the
// `conversation.blocked` event drops their sockets.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { customerView, lockConversation, updateConversation } from './conversation-rows';
import { transition } from './status';

export async function blockConversation(
  conversationId: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    const status = transition('block', conversation.status);
    const blocked = await updateConversation(tx, conversationId, {
      status,
      closedAt: conversation.closedAt ?? new Date(),
      tokenVersion: conversation.tokenVersion + 1,
    });
    await writeAudit(tx, actor, 'conversation.blocked', conversationId, {
      previousStatus: conversation.status,
    });
    const view = await customerView(tx, blocked);
    await recordEvent(tx, 'conversation.blocked', actor, conversationId, { conversation: view });
    return view;
  });
}
