// Which Parley message a message in a customer's private chat with the bot is, and back:
// the customer's own lines carry `clientId = telegram:<message id>`, the bot's posts keep
// their Telegram ids on their `customer_post` row. So a Telegram reply in the chat becomes
// a quote in the conversation, and an agent's quote a Telegram reply in the chat.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, messages, telegramOutbox } from '../db/schema';

export const customerClientId = (telegramMessageId: number) => `telegram:${telegramMessageId}`;

/** The Telegram message in the chat that is `messageId`, to answer it there. */
export async function copyInCustomerChat(
  database: Database,
  chatId: number,
  messageId: string,
): Promise<number | undefined> {
  const [written] = await database
    .select({ clientId: messages.clientId })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId), eq(conversations.customerTelegramChatId, chatId)));
  const own = /^telegram:(\d+)$/.exec(written?.clientId ?? '');
  if (own) return Number(own[1]);
  const [posted] = await database
    .select({ ids: telegramOutbox.sentMessageIds })
    .from(telegramOutbox)
    .where(
      and(
        eq(telegramOutbox.kind, 'customer_post'),
        eq(telegramOutbox.chatId, chatId),
        eq(telegramOutbox.messageId, messageId),
      ),
    )
    .limit(1);
  return posted?.ids[0];
}

/** The message of the conversation that a Telegram message in the chat is, if any. */
export async function quotedInCustomerChat(
  database: Database,
  conversationId: string,
  chatId: number,
  telegramMessageId: number,
): Promise<string | undefined> {
  const [own] = await database
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.clientId, customerClientId(telegramMessageId)),
        isNull(messages.deletedAt),
      ),
    );
  if (own) return own.id;
  const [posted] = await database
    .select({ id: messages.id })
    .from(telegramOutbox)
    .innerJoin(messages, eq(messages.id, telegramOutbox.messageId))
    .where(
      and(
        eq(telegramOutbox.kind, 'customer_post'),
        eq(telegramOutbox.chatId, chatId),
        eq(messages.conversationId, conversationId),
        isNull(messages.deletedAt),
        sql`${telegramOutbox.sentMessageIds} @> array[${telegramMessageId}::integer]`,
      ),
    )
    .limit(1);
  return posted?.id;
}
