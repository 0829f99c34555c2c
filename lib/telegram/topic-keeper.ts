// Keeps a conversation's forum topic in step with the conversation: created (with its
// header card) when first needed, recreated after an admin deleted it, retitled, closed and
// reopened with the conversation. Every Bot API call goes through the sender's paced `call`.

import { and, desc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import { systemActor } from '../actor';
import { isEnded } from '../contracts/conversation-state';
import { attachTelegramTopic } from '../conversations/attach-telegram-topic';
import type { Database } from '../db/client';
import {
  type ConversationRow,
  conversations,
  departments,
  messages,
  type TelegramTopicRow,
  telegramOutbox,
  telegramTopics,
} from '../db/schema';
import type { Telegram } from './api';
import {
  headerButtons,
  headerCard,
  RECAP_MESSAGES,
  type RecapLine,
  recapNote,
  topicTitle,
} from './format';

export type PacedCall = <T>(chatId: number, work: (telegram: Telegram) => Promise<T>) => Promise<T>;

export interface TopicTarget {
  conversation: ConversationRow;
  topic: TelegramTopicRow;
  chatId: number;
  threadId: number;
}

export class TopicKeeper {
  constructor(
    private readonly database: Database,
    private readonly call: PacedCall,
    private readonly options: { supportChatId: number; silent: boolean },
  ) {}

  private async load(conversationId: string) {
    const [row] = await this.database
      .select({ conversation: conversations, topic: telegramTopics, department: departments })
      .from(conversations)
      .leftJoin(telegramTopics, eq(telegramTopics.conversationId, conversations.id))
      .leftJoin(departments, eq(departments.id, conversations.departmentId))
      .where(eq(conversations.id, conversationId));
    return row ?? null;
  }

  /** The topic to post into, created first if there is none; null if the conversation is gone. */
  async ensure(conversationId: string): Promise<TopicTarget | null> {
    let row = await this.load(conversationId);
    if (!row) return null;
    const chatId =
      row.conversation.telegramChatId ??
      row.department?.telegramChatId ??
      this.options.supportChatId;
    // A topic row without a thread: the topic it had vanished (deleted, or archived by
    // Telegram), so the new one starts with a recap.
    const replacesLost = row.topic !== null && row.conversation.telegramThreadId === null;
    if (row.conversation.telegramThreadId === null || !row.topic) {
      const title = topicTitle(row.conversation);
      const created = await this.call(chatId, (tg) => tg.createForumTopic(chatId, title));
      await attachTelegramTopic(
        conversationId,
        { chatId, threadId: created.message_thread_id, title },
        systemActor,
      );
      row = (await this.load(conversationId))!;
    }
    const threadId = row.conversation.telegramThreadId!;
    if (row.topic!.headerMessageId === null) {
      const card = headerCard({
        codename: row.conversation.codename,
        customerName: row.conversation.customerName,
        department: row.department?.name ?? null,
        pageUrl: row.conversation.pageUrl,
        pageTitle: row.conversation.pageTitle,
        locale: row.conversation.locale,
        fields: row.conversation.fields,
        identity: row.conversation.identity,
        fromTelegram: row.conversation.channel === 'telegram',
        ...(replacesLost
          ? { recap: recapNote(await recentLines(this.database, conversationId)) }
          : {}),
      });
      const sent = await this.call(chatId, (tg) =>
        tg.sendMessage(chatId, card, {
          message_thread_id: threadId,
          disable_notification: this.options.silent,
          reply_markup: headerButtons(conversationId),
        }),
      );
      await this.saveTopic(conversationId, { headerMessageId: sent.message_id });
      row = (await this.load(conversationId))!;
    }
    return { conversation: row.conversation, topic: row.topic!, chatId, threadId };
  }

  /** Makes the title and the open/closed state match the conversation. */
  async sync(conversationId: string): Promise<void> {
    const target = await this.ensure(conversationId);
    if (!target) return;
    const { conversation, topic, chatId, threadId } = target;
    const title = topicTitle(conversation);
    if (topic.title !== title) {
      await this.call(chatId, (tg) =>
        tg.editForumTopic(chatId, threadId, { name: title }).catch(ignoreNotModified),
      );
      await this.saveTopic(conversationId, { title });
    }
    await this.matchClosed(target);
  }

  /** Closes the topic when the conversation is closed or blocked, reopens it otherwise. */
  async matchClosed({ conversation, topic, chatId, threadId }: TopicTarget): Promise<void> {
    const closed = isEnded(conversation.status);
    if (topic.closed === closed) return;
    await this.call(chatId, (tg) =>
      (closed ? tg.closeForumTopic(chatId, threadId) : tg.reopenForumTopic(chatId, threadId)).catch(
        ignoreNotModified,
      ),
    );
    await this.saveTopic(conversation.id, { closed });
  }

  /** A topic closed by hand in Telegram: reopen it so the next post gets through. */
  async reopen(conversationId: string): Promise<void> {
    const row = await this.load(conversationId);
    const chatId = row?.conversation.telegramChatId;
    const threadId = row?.conversation.telegramThreadId;
    if (!row || !chatId || !threadId) return;
    await this.call(chatId, (tg) => tg.reopenForumTopic(chatId, threadId).catch(ignoreNotModified));
    await this.saveTopic(conversationId, { closed: false });
  }

  private async saveTopic(conversationId: string, changes: Partial<TelegramTopicRow>) {
    await this.database
      .update(telegramTopics)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(telegramTopics.conversationId, conversationId));
  }
}

function ignoreNotModified(error: unknown): true {
  const description = (error as { description?: string }).description ?? '';
  if (/TOPIC_NOT_MODIFIED/i.test(description)) return true;
  throw error;
}

/** The conversation's last few customer and agent messages that are not waiting to be posted
 * (those follow the header in the new topic anyway), oldest first. */
async function recentLines(database: Database, conversationId: string): Promise<RecapLine[]> {
  const rows = await database
    .select({
      author: messages.author,
      agentName: messages.agentName,
      customerName: conversations.customerName,
      text: messages.text,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.conversationId, conversationId),
        inArray(messages.author, ['customer', 'agent']),
        isNull(messages.deletedAt),
        notExists(
          database
            .select({ id: telegramOutbox.id })
            .from(telegramOutbox)
            .where(
              and(
                eq(telegramOutbox.messageId, messages.id),
                eq(telegramOutbox.kind, 'post'),
                eq(telegramOutbox.status, 'pending'),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(RECAP_MESSAGES);
  return rows
    .reverse()
    .filter((row) => row.text !== '')
    .map((row) => ({
      author: row.author as RecapLine['author'],
      name: row.author === 'customer' ? row.customerName : row.agentName,
      text: row.text,
    }));
}
