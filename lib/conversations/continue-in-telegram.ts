// "Continue in Telegram" (DESIGN §7): the widget asks for a `t.me/<bot>?start=<code>` link;
// the customer opens it, Telegram sends `/start <code>` from their private chat, and the
// chat is attached to the same conversation — agents' replies then reach the widget and the
// chat, and what the customer writes there lands in the conversation. Codes work once, for
// a short while, and are stored only as a hash.
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { customerActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import {
  type ConversationRow,
  conversations,
  telegramChatLinks,
  telegramCustomerChats,
} from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { sha256Hex } from '../sha256';
import { lockConversation } from './conversation-rows';

export const CHAT_LINK_TTL_MS = 30 * 60 * 1000;
/** Start parameters allow letters, digits, `_` and `-`; the prefix tells a code from a
 * department's name. */
const CODE_PREFIX = 'c_';

const hashCode = sha256Hex;

export const isChatLinkCode = (arg: string) => /^c_[A-Za-z0-9_-]{24}$/.test(arg);

/** A one-time link for the conversation's customer to continue in the bot's private chat. */
export async function createTelegramChatLink(
  conversationId: string,
  botUsername: string,
  now: Date = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const code = `${CODE_PREFIX}${randomBytes(18).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + CHAT_LINK_TTL_MS);
  await inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, conversationId);
    if (conversation.status === 'blocked') {
      throw new AppError('blocked', 'This conversation is blocked');
    }
    await tx
      .insert(telegramChatLinks)
      .values({ codeHash: hashCode(code), conversationId, expiresAt });
  });
  return {
    url: `https://t.me/${encodeURIComponent(botUsername)}?start=${code}`,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Attaches the private chat that sent `/start <code>` to the code's conversation; its later
 * messages go there. Refused for an unknown, used or expired code and a blocked conversation.
 */
export async function attachTelegramChat(
  code: string,
  chatId: number,
  now: Date = new Date(),
): Promise<ConversationRow> {
  return inTransaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(telegramChatLinks)
      .where(
        and(
          eq(telegramChatLinks.codeHash, hashCode(code)),
          isNull(telegramChatLinks.usedAt),
          gt(telegramChatLinks.expiresAt, now),
        ),
      )
      .for('update');
    if (!link) {
      throw new AppError('invalid_request', 'This link has expired: open a new one in the chat');
    }
    const conversation = await lockConversation(tx, link.conversationId);
    if (conversation.status === 'blocked') {
      throw new AppError('blocked', 'This conversation is blocked');
    }
    await tx
      .update(telegramChatLinks)
      .set({ usedAt: now })
      .where(eq(telegramChatLinks.codeHash, link.codeHash));
    const [attached] = await tx
      .update(conversations)
      .set({ customerTelegramChatId: chatId, updatedAt: now })
      .where(eq(conversations.id, conversation.id))
      .returning();
    await tx
      .insert(telegramCustomerChats)
      .values({ chatId, conversationId: conversation.id })
      .onConflictDoUpdate({
        target: telegramCustomerChats.chatId,
        set: { conversationId: conversation.id, departmentId: null, updatedAt: now },
      });
    await writeAudit(tx, customerActor, 'conversation.telegram_attached', conversation.id, {
      chatId,
    });
    return attached!;
  });
}
