// A customer writes: idempotent by clientId, rate-limited per conversation, refused when
// blocked, and a closed conversation reopens first.
import { customerActor } from '../actor';
import { customerViewer, presentAttachment } from '../attachments/present';
import { isWithinWorkingHours } from '../automation/working-hours';
import type { SendMessageInput } from '../contracts/customer';
import type { Message } from '../contracts/dto';
import type { WorkingHoursSettings } from '../contracts/settings';
import { db, type Queryable } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import type { ConversationRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { limitMessages, messageCountsRollBack } from '../rate-limit';
import { getSettings } from '../settings/settings';
import { appendMessage } from './append-message';
import { findMessageByClientId, getConversation, lockConversation } from './conversation-rows';
import { presentMessage } from './present';
import { presentMessageRows } from './present-messages';
import { reopenLocked } from './reopen-conversation';
import { emitSystemMessage } from './system-messages';

export interface PostedMessage {
  message: Message;
  /** False when the clientId had been seen: the earlier message is returned unchanged. */
  created: boolean;
}

/** Thrown out of the transaction to roll it back when the clientId was seen before. */
class SentBefore extends Error {
  constructor(readonly posted: PostedMessage) {
    super('sent before');
  }
}

/** Outside working hours the customer hears so; otherwise, while unclaimed, that help is on the way. */
async function emitAfterCustomerMessage(
  tx: Queryable,
  conversation: ConversationRow,
  schedule: WorkingHoursSettings,
  now: Date,
) {
  if (!isWithinWorkingHours(schedule, now)) {
    await emitSystemMessage(tx, conversation, 'offline_message', customerActor, now);
  } else if (conversation.status === 'open_unclaimed') {
    await emitSystemMessage(tx, conversation, 'waiting_for_agent', customerActor, now);
  }
}

export async function postCustomerMessage(
  conversationId: string,
  input: SendMessageInput,
): Promise<PostedMessage> {
  try {
    return await inTransaction(async (tx): Promise<PostedMessage> => {
      // One round trip: the lock, the schedule, whether this clientId was seen before, and
      // the message's count against the rate limit when a rollback takes it back.
      const countedNow = messageCountsRollBack();
      let [conversation, schedule, earlier, limited] = await Promise.all([
        lockConversation(tx, conversationId),
        getSettings(tx, 'workingHours'),
        findMessageByClientId(tx, conversationId, input.clientId),
        countedNow
          ? limitMessages(conversationId, tx).then(
              () => null,
              (refusal: unknown) => refusal,
            )
          : null,
      ]);
      if (earlier) {
        const [message] = await presentMessageRows(tx, [earlier], customerViewer(conversation));
        // Rolled back: a message sent again does not count against the rate limit.
        throw new SentBefore({ message: message!, created: false });
      }
      // A blocked customer hears 403, never 429.
      if (conversation.status === 'blocked') {
        throw new AppError('blocked', 'This conversation is blocked');
      }
      if (limited) throw limited;
      if (!countedNow) await limitMessages(conversationId, tx);
      if (conversation.status === 'closed') {
        conversation = await reopenLocked(tx, conversation, customerActor);
      }
      const now = new Date();
      const unclaimed = conversation.status === 'open_unclaimed';
      const appended = await appendMessage(
        tx,
        conversation,
        {
          author: 'customer',
          text: input.text,
          clientId: input.clientId,
          attachmentIds: input.attachmentIds,
          replyToId: input.replyToId,
        },
        customerActor,
        {
          ...(conversation.status === 'awaiting_customer' ? { status: 'open_assigned' } : {}),
          // The reminders to agents count from the first message nobody has claimed.
          ...(unclaimed && !conversation.awaitingClaimSince ? { awaitingClaimSince: now } : {}),
        },
      );
      await emitAfterCustomerMessage(tx, appended.conversation, schedule, now);
      const viewer = customerViewer(appended.conversation);
      const files = appended.attachments.map((file) =>
        presentAttachment(file, conversationId, viewer),
      );
      return {
        message: presentMessage(appended.message, files, { replyTo: appended.quote }),
        created: true,
      };
    });
  } catch (error) {
    if (error instanceof SentBefore) return error.posted;
    // The same clientId sent twice at once: the other request won, return its message.
    if (isUniqueViolation(error, 'messages_conversation_client_id_idx')) {
      const database = db();
      const winner = await findMessageByClientId(database, conversationId, input.clientId);
      if (winner) {
        const conversation = await getConversation(database, conversationId);
        const [message] = await presentMessageRows(
          database,
          [winner],
          customerViewer(conversation),
        );
        return { message: message!, created: false };
      }
    }
    throw error;
  }
}
