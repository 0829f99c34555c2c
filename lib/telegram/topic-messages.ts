// Parley messages as agents meet them in a topic: the one a Telegram reply answers, and the
// one an agent's edit there changes (both by the Telegram message that is their copy).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Message } from 'telegraf/types';
import { db } from '../db/client';
import { type MessageRow, messages } from '../db/schema';

/**
 * The message a reply in the topic quotes, if it answers one of the conversation's messages
 * still there. Every message in a topic "replies" to the topic's opening message: that,
 * like a reply to anything else (the header card, a notice), quotes nothing.
 */
export async function quotedInTopic(
  conversationId: string,
  message: Message,
  threadId: number | null,
): Promise<string | undefined> {
  const replied = (message as { reply_to_message?: { message_id: number } }).reply_to_message;
  if (!replied || replied.message_id === threadId) return undefined;
  // A coalesced post carries several customer messages: it quotes the latest of them.
  const [row] = await db()
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.telegramMessageId, replied.message_id),
        isNull(messages.deletedAt),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1);
  return row?.id;
}

/** The agent's message that a Telegram message in the topic became, if any. */
export async function writtenInTopic(
  conversationId: string,
  telegramMessageId: number,
): Promise<MessageRow | undefined> {
  const [row] = await db()
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.telegramMessageId, telegramMessageId),
        eq(messages.author, 'agent'),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1);
  return row;
}
