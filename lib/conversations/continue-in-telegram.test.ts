// "Continue in Telegram": a widget conversation's one-time link attaches the customer's
// private chat to it, once, while it is fresh, and never to a blocked conversation.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../test/factories';
import { serviceActor } from '../actor';
import { db } from '../db/client';
import { auditLog, conversations, telegramCustomerChats } from '../db/schema';
import { blockConversation } from './block-conversation';
import {
  attachTelegramChat,
  CHAT_LINK_TTL_MS,
  createTelegramChatLink,
  isChatLinkCode,
} from './continue-in-telegram';

const codeOf = (url: string) => new URL(url).searchParams.get('start')!;

describe('Continue in Telegram', () => {
  it("attaches the chat that opens the link to the widget's conversation, once", async () => {
    const { conversation } = await createConversation({ name: 'Kim' });
    const link = await createTelegramChatLink(conversation.id, 'parley_bot');
    expect(link.url).toMatch(/^https:\/\/t\.me\/parley_bot\?start=c_/);
    const code = codeOf(link.url);
    expect(isChatLinkCode(code)).toBe(true);

    const attached = await attachTelegramChat(code, 8001);
    expect(attached).toMatchObject({ channel: 'widget', customerTelegramChatId: 8001 });
    const [chat] = await db()
      .select()
      .from(telegramCustomerChats)
      .where(eq(telegramCustomerChats.chatId, 8001));
    expect(chat?.conversationId).toBe(conversation.id);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.conversationId, conversation.id));
    expect(audit.map((entry) => entry.action)).toContain('conversation.telegram_attached');

    await expect(attachTelegramChat(code, 8002)).rejects.toMatchObject({ code: 'invalid_request' });
    const [after] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(after?.customerTelegramChatId).toBe(8001);
  });

  it('refuses an expired code and a blocked conversation', async () => {
    const { conversation } = await createConversation();
    const old = await createTelegramChatLink(
      conversation.id,
      'parley_bot',
      new Date(Date.now() - CHAT_LINK_TTL_MS - 1000),
    );
    await expect(attachTelegramChat(codeOf(old.url), 8003)).rejects.toMatchObject({
      code: 'invalid_request',
    });

    const fresh = await createTelegramChatLink(conversation.id, 'parley_bot');
    await blockConversation(conversation.id, serviceActor);
    await expect(attachTelegramChat(codeOf(fresh.url), 8003)).rejects.toMatchObject({
      code: 'blocked',
    });
    await expect(createTelegramChatLink(conversation.id, 'parley_bot')).rejects.toMatchObject({
      code: 'blocked',
    });
  });

  it('tells codes from department names', () => {
    expect(isChatLinkCode('sales')).toBe(false);
    expect(isChatLinkCode(`c_${'a'.repeat(24)}`)).toBe(true);
    expect(isChatLinkCode(`c_${'a'.repeat(23)}`)).toBe(false);
  });
});
