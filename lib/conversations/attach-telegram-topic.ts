// Topic bookkeeping: which Telegram forum topic mirrors a conversation. Not a change the
// customer sees, so no event; audited, because an admin may ask where a topic went.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { ConversationRow } from '../db/schema';
import { conversations, messages, telegramTopics } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { lockConversation, updateConversation } from './conversation-rows';

/** Records the topic just created for a conversation, with the title it was given. */
export async function attachTelegramTopic(
  conversationId: string,
  topic: { chatId: number; threadId: number; title: string },
  actor: Actor,
): Promise<ConversationRow> {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    const updated = await updateConversation(tx, conversationId, {
      telegramChatId: topic.chatId,
      telegramThreadId: topic.threadId,
    });
    await tx
      .insert(telegramTopics)
      .values({ conversationId, title: topic.title, closed: false, headerMessageId: null })
      .onConflictDoUpdate({
        target: telegramTopics.conversationId,
        set: { title: topic.title, closed: false, headerMessageId: null, updatedAt: new Date() },
      });
    await writeAudit(tx, actor, 'telegram.topic_attached', conversationId, {
      chatId: topic.chatId,
      threadId: topic.threadId,
      previousThreadId: conversation.telegramThreadId,
    });
    return updated;
  });
}

/** Forgets a topic that no longer exists in Telegram, so the next post recreates it. */
export async function detachTelegramTopic(conversationId: string, actor: Actor): Promise<void> {
  await inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.telegramThreadId === null) return;
    await tx
      .update(conversations)
      .set({ telegramThreadId: null, updatedAt: new Date() })
      .where(eq(conversations.id, conversationId));
    await tx
      .update(telegramTopics)
      .set({ title: null, closed: false, headerMessageId: null, updatedAt: new Date() })
      .where(eq(telegramTopics.conversationId, conversationId));
    // The copies of its messages went with it: replies and edits have nothing to point at.
    await tx
      .update(messages)
      .set({ telegramMessageId: null })
      .where(eq(messages.conversationId, conversationId));
    await writeAudit(tx, actor, 'telegram.topic_lost', conversationId, {
      chatId: conversation.telegramChatId,
      threadId: conversation.telegramThreadId,
    });
  });
}
