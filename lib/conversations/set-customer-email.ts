// The visitor leaves (or changes) the address replies go to once they left the page. Giving
// it again is asking for email again: an earlier unsubscribe of that address is lifted.
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import { inTransaction } from '../db/transaction';
import { queueReplies } from '../email/outbox';
import { liftSuppression } from '../email/suppressions';
import { AppError } from '../errors';
import { recordEvent } from '../events/record-event';
import { isEmailActive } from '../events/subscribers';
import { customerView, lockConversation, updateConversation } from './conversation-rows';

export async function setCustomerEmail(
  conversationId: string,
  email: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.status === 'blocked') {
      throw new AppError('blocked', 'This conversation is blocked');
    }
    await liftSuppression(tx, email);
    if (conversation.customerEmail === email) return customerView(tx, conversation);
    const updated = await updateConversation(tx, conversationId, { customerEmail: email });
    // The address may come after replies the visitor has not seen: they go out too.
    if (isEmailActive()) await queueReplies(tx, conversationId, 0);
    await writeAudit(tx, actor, 'conversation.email_set', conversationId, {
      hadEmail: conversation.customerEmail !== null,
    });
    const view = await customerView(tx, updated);
    await recordEvent(tx, 'conversation.email_set', actor, conversationId, { conversation: view });
    return view;
  });
}
