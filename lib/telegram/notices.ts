// Where a Telegram agent is (a conversation's topic, or elsewhere in the group) and how
// Parley answers them there: a notice through the outbox, in order with the topic.
import { db } from '../db/client';
import type { ConversationRow } from '../db/schema';
import { AppError } from '../errors';
import { enqueueTelegram, wakeTelegramSender } from './outbox';

export interface Place {
  chatId: number;
  threadId: number | null;
  conversation: ConversationRow | null;
}

/** Posts a notice where the agent is: their topic (in the topic's order) or the chat. */
export async function notify(place: Place, text: string): Promise<void> {
  await enqueueTelegram(db(), [
    place.conversation
      ? { kind: 'post', conversationId: place.conversation.id, text }
      : { kind: 'post', chatId: place.chatId, threadId: place.threadId, text },
  ]);
  wakeTelegramSender();
}

export const describeError = (error: unknown) =>
  error instanceof AppError ? error.message : 'Something went wrong; try again.';
