// Keeps a conversation's forum topic in step with the conversation: created (with its
// header card) when first needed, recreated after an admin deleted it, retitled, closed and
// reopened with the conversation. Every Bot API call goes through the sender's paced `call`.

import { eq } from 'drizzle-orm';
import { systemActor } from '../actor';
import { isEnded } from '../contracts/conversation-state';
import { attachTelegramTopic } from '../conversations/attach-telegram-topic';
import type { Database } from '../db/client';
import {
  type ConversationRow,
  conversations,
  departments,
  type TelegramTopicRow,
  telegramTopics,
} from '../db/schema';
import type { Telegram } from './api';
import { headerButtons, headerCard, topicTitle } from './format';

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
