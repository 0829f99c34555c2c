// A Parley message's copy in its conversation's topic: found to reply to it, edited when an
// agent edits the message in the inbox, deleted (or marked) when the message is deleted.
// The copy is `messages.telegram_message_id`, set when the bot posted it (several customer
// messages may share one coalesced post) or when an agent wrote it in the topic; it is
// cleared when the topic is lost, so nothing here reaches into a topic that is gone.
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, messages, type TelegramOutboxRow, telegramOutbox } from '../db/schema';
import { logger } from '../log';
import { type CallFailure, classifyFailure } from './api';
import { MAX_MESSAGE_LENGTH } from './format';
import { MAX_CAPTION_LENGTH } from './media';
import type { PacedCall } from './topic-keeper';

export const DELETED_LINE = '🗑 Message deleted';

const failureOf = (error: unknown): CallFailure =>
  (error as { failure?: CallFailure }).failure ?? classifyFailure(error);

/** Failures after which there is nothing left to change: the copy is gone or already right. */
const isSettled = (failure: CallFailure) =>
  failure.kind === 'message_gone' || failure.kind === 'not_modified';

/**
 * SQL that records, in the statement that stores a post's first sent part, which Telegram
 * message is the copy of the messages the post carries (its own and those merged into it).
 */
export function linkCopies(outboxId: number, telegramMessageId: number): SQL {
  return sql`update messages m set telegram_message_id = ${telegramMessageId}
    from telegram_outbox o
    where (o.id = ${outboxId} or o.merged_into = ${outboxId}) and o.kind = 'post'
      and o.message_id = m.id and m.telegram_message_id is null`;
}

interface Copy {
  chatId: number;
  threadId: number;
  telegramMessageId: number;
  /** The bot's post that carries it, if the bot posted it (else an agent wrote it there). */
  post: TelegramOutboxRow | null;
}

export class MessageCopies {
  constructor(
    private readonly database: Database,
    private readonly call: PacedCall,
    private readonly silent: boolean,
  ) {}

  /** The Telegram message to reply to for a post that quotes `messageId`, if it has a copy. */
  async replyTarget(messageId: string | null): Promise<number | undefined> {
    if (!messageId) return undefined;
    const [row] = await this.database
      .select({ id: messages.telegramMessageId })
      .from(messages)
      .where(eq(messages.id, messageId));
    return row?.id ?? undefined;
  }

  private async find(messageId: string): Promise<Copy | null> {
    const [row] = await this.database
      .select({
        telegramMessageId: messages.telegramMessageId,
        chatId: conversations.telegramChatId,
        threadId: conversations.telegramThreadId,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.id, messageId));
    if (!row?.telegramMessageId || !row.chatId || !row.threadId) return null;
    const [posted] = await this.database
      .select()
      .from(telegramOutbox)
      .where(and(eq(telegramOutbox.messageId, messageId), eq(telegramOutbox.kind, 'post')));
    let post = posted ?? null;
    if (post?.status === 'merged' && post.mergedInto) {
      const [head] = await this.database
        .select()
        .from(telegramOutbox)
        .where(eq(telegramOutbox.id, post.mergedInto));
      post = head ?? null;
    }
    return {
      chatId: row.chatId,
      threadId: row.threadId,
      telegramMessageId: row.telegramMessageId,
      post,
    };
  }

  /** An inbox edit: the bot's copy is edited; an agent's own message there gets a note. */
  async edit(item: TelegramOutboxRow): Promise<void> {
    const copy = item.messageId ? await this.find(item.messageId) : null;
    if (!copy) return;
    const text = item.text ?? '';
    const { chatId, telegramMessageId: id } = copy;
    if (!copy.post) {
      await this.note(copy, `✏️ Edited in the inbox — ${text}`);
      return;
    }
    // A post of files carries its text as the first file's caption, unless it was too long.
    const captioned =
      copy.post.attachmentIds.length > 0 && (copy.post.text ?? '').length <= MAX_CAPTION_LENGTH;
    try {
      await this.settle(() =>
        this.call(chatId, (tg) =>
          captioned
            ? tg.editMessageCaption(chatId, id, undefined, text.slice(0, MAX_CAPTION_LENGTH))
            : tg.editMessageText(chatId, id, undefined, text.slice(0, MAX_MESSAGE_LENGTH)),
        ),
      );
    } catch (error) {
      if (failureOf(error).kind !== 'cannot_change') throw error;
      await this.note(copy, `✏️ Edited in the inbox — ${text}`);
    }
  }

  /**
   * A deletion: the copy goes. A coalesced post loses just that line; a copy Telegram will
   * not let the bot delete (too old, or someone else's without the right) gets a note.
   */
  async remove(item: TelegramOutboxRow): Promise<void> {
    const copy = item.messageId ? await this.find(item.messageId) : null;
    if (!copy) return;
    if (copy.post && (await this.sharesPost(copy.post))) {
      await this.rewriteWithout(copy, copy.post);
      return;
    }
    const ids = copy.post?.sentMessageIds.length
      ? copy.post.sentMessageIds
      : [copy.telegramMessageId];
    for (const id of ids) {
      try {
        await this.settle(() => this.call(copy.chatId, (tg) => tg.deleteMessage(copy.chatId, id)));
      } catch (error) {
        if (failureOf(error).kind !== 'cannot_change') throw error;
        await this.note(copy, '🗑 Deleted in Parley: the customer no longer sees this message.');
        return;
      }
    }
  }

  private async sharesPost(post: TelegramOutboxRow): Promise<boolean> {
    const [row] = await this.database
      .select({ id: telegramOutbox.id })
      .from(telegramOutbox)
      .where(eq(telegramOutbox.mergedInto, post.id))
      .limit(1);
    return Boolean(row);
  }

  /** Composes a coalesced post again from its messages as they are now. */
  private async rewriteWithout(copy: Copy, head: TelegramOutboxRow): Promise<void> {
    const rows = await this.database
      .select({ messageId: telegramOutbox.messageId })
      .from(telegramOutbox)
      .where(or(eq(telegramOutbox.id, head.id), eq(telegramOutbox.mergedInto, head.id)))
      .orderBy(asc(telegramOutbox.position), asc(telegramOutbox.id));
    const ids = rows.flatMap((row) => (row.messageId ? [row.messageId] : []));
    const current = await this.database
      .select({ id: messages.id, text: messages.text, deletedAt: messages.deletedAt })
      .from(messages)
      .where(inArray(messages.id, ids));
    const byId = new Map(current.map((row) => [row.id, row]));
    const prefix = (head.text ?? '').split('\n')[0]!;
    const lines = ids.map((id) => {
      const row = byId.get(id);
      return !row || row.deletedAt ? DELETED_LINE : row.text;
    });
    const text = [prefix, ...lines].join('\n').slice(0, MAX_MESSAGE_LENGTH);
    await this.settle(() =>
      this.call(copy.chatId, (tg) =>
        tg.editMessageText(copy.chatId, copy.telegramMessageId, undefined, text),
      ),
    );
  }

  /** A short post in the topic answering the copy. */
  private async note(copy: Copy, text: string): Promise<void> {
    await this.call(copy.chatId, (tg) =>
      tg.sendMessage(copy.chatId, text.slice(0, MAX_MESSAGE_LENGTH), {
        message_thread_id: copy.threadId,
        disable_notification: this.silent,
        reply_parameters: {
          message_id: copy.telegramMessageId,
          allow_sending_without_reply: true,
        },
      }),
    );
  }

  /** Runs a change; a copy already gone or already right counts as done. */
  private async settle(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const failure = failureOf(error);
      if (!isSettled(failure)) throw error;
      logger().info({ failure: failure.kind }, 'telegram copy already gone or unchanged');
    }
  }
}
