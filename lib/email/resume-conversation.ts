// The reopen link of an email, traded for a customer token: the widget on the site then
// shows the conversation as if the visitor had never left. A blocked conversation, or one
// whose tokens were revoked since the email went out, is refused.

import type { CustomerConversation } from '../contracts/dto';
import { customerView, getConversation } from '../conversations/conversation-rows';
import { signCustomerToken } from '../customer-token';
import { db } from '../db/client';
import { AppError } from '../errors';
import { verifyResumeToken } from './links';

export async function resumeConversation(
  token: string,
): Promise<{ conversation: CustomerConversation; token: string }> {
  const claims = await verifyResumeToken(token);
  const database = db();
  const conversation = await getConversation(database, claims.conversationId).catch(() => null);
  if (!conversation || conversation.tokenVersion !== claims.version) {
    throw new AppError('unauthorized', 'This link has expired or is not valid');
  }
  if (conversation.status === 'blocked')
    throw new AppError('blocked', 'This conversation is blocked');
  return {
    conversation: await customerView(database, conversation),
    token: await signCustomerToken(conversation.id, conversation.tokenVersion),
  };
}
