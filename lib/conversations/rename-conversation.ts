// The customer sets the name agents see (validated at the edge: 2–32 chars, no links).
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { recordEvent } from '../events/record-event';
import { customerView, lockConversation, updateConversation } from './conversation-rows';

export async function renameConversation(
  conversationId: string,
  name: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.status === 'blocked') {
      throw new AppError('blocked', 'This conversation is blocked');
    }
    if (conversation.customerName === name) return customerView(tx, conversation);
    const renamed = await updateConversation(tx, conversationId, { customerName: name });
    await writeAudit(tx, actor, 'conversation.renamed', conversationId, {
      from: conversation.customerName,
      to: name,
    });
    const view = await customerView(tx, renamed);
    await recordEvent(tx, 'conversation.renamed', actor, conversationId, { conversation: view });
    return view;
  });
}
