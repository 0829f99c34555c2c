// Unblocks a conversation: it becomes closed, and the customer may write (and reopen) again.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { customerView, lockConversation, updateConversation } from './conversation-rows';
import { transition } from './status';

export async function unblockConversation(
  conversationId: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    const status = transition('unblock', conversation.status);
    const unblocked = await updateConversation(tx, conversationId, { status });
    await writeAudit(tx, actor, 'conversation.unblocked', conversationId);
    const view = await customerView(tx, unblocked);
    await recordEvent(tx, 'conversation.unblocked', actor, conversationId, { conversation: view });
    return view;
  });
}
