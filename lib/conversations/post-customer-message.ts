// A customer writes: idempotent by clientId, rate-limited per conversation, refused when
// blocked, and a closed conversation reopens first.
import { customerActor } from '../actor';
import type { SendMessageInput } from '../contracts/customer';
import type { Message } from '../contracts/dto';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { limitMessages } from '../rate-limit';
import { appendMessage } from './append-message';
import { findMessageByClientId, lockConversation } from './conversation-rows';
import { presentMessage } from './present';
import { reopenLocked } from './reopen-conversation';

export interface PostedMessage {
  message: Message;
  /** False when the clientId had been seen: the earlier message is returned unchanged. */
  created: boolean;
}

export async function postCustomerMessage(
  conversationId: string,
  input: SendMessageInput,
): Promise<PostedMessage> {
  const earlier = await findMessageByClientId(db(), conversationId, input.clientId);
  if (earlier) return { message: presentMessage(earlier), created: false };

  await limitMessages(conversationId);
  try {
    const row = await inTransaction(async (tx) => {
      let conversation = await lockConversation(tx, conversationId);
      if (conversation.status === 'blocked') {
        throw new AppError('blocked', 'This conversation is blocked');
      }
      if (conversation.status === 'closed') {
        conversation = await reopenLocked(tx, conversation, customerActor);
      }
      const { message } = await appendMessage(
        tx,
        conversation,
        { author: 'customer', text: input.text, clientId: input.clientId },
        customerActor,
        conversation.status === 'awaiting_customer' ? { status: 'open_assigned' } : {},
      );
      return message;
    });
    return { message: presentMessage(row), created: true };
  } catch (error) {
    // The same clientId sent twice at once: the other request won, return its message.
    if (isUniqueViolation(error, 'messages_conversation_client_id_idx')) {
      const winner = await findMessageByClientId(db(), conversationId, input.clientId);
      if (winner) return { message: presentMessage(winner), created: false };
    }
    throw error;
  }
}
