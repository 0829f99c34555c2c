import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation } from '../../test/factories';
import { claimConversation } from '../conversations/claim-conversation';
import { db } from '../db/client';
import { agents, conversations, telegramLinkCodes } from '../db/schema';
import { resolveTelegramAgent } from './telegram-agents';
import { createTelegramLinkCode, LINK_CODE_TTL_MS, linkTelegramAccount } from './telegram-link';

let nextUser = 8000;
const telegramUser = (first_name = 'Tess') => ({ id: ++nextUser, first_name });

describe('Telegram link codes', () => {
  it('are stored only as a hash and link the Telegram user once', async () => {
    const agent = await createAgent({ name: 'Tess Inbox' });
    const { code, expiresAt } = await createTelegramLinkCode(agent.id);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const stored = await db()
      .select()
      .from(telegramLinkCodes)
      .where(eq(telegramLinkCodes.agentId, agent.id));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));

    const user = telegramUser();
    const linked = await linkTelegramAccount(code.toLowerCase(), user);
    expect(linked).toMatchObject({ id: agent.id, telegramUserId: user.id });
    await expect(linkTelegramAccount(code, telegramUser())).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('expire, and a new code replaces the old one', async () => {
    const agent = await createAgent();
    const first = await createTelegramLinkCode(agent.id);
    const second = await createTelegramLinkCode(agent.id);
    await expect(linkTelegramAccount(first.code, telegramUser())).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const later = new Date(Date.now() + LINK_CODE_TTL_MS + 1000);
    await expect(linkTelegramAccount(second.code, telegramUser(), later)).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('retire the Telegram stand-in and hand its open conversations to the inbox account', async () => {
    const user = telegramUser('Sam');
    const standIn = await resolveTelegramAgent(db(), user);
    expect(standIn).toMatchObject({ name: 'Sam', email: null, telegramUserId: user.id });
    const { conversation } = await createConversation();
    await claimConversation(conversation.id, standIn.id, {
      type: 'telegram',
      userId: user.id,
      agentId: standIn.id,
    });

    const inbox = await createAgent({ name: 'Sam Inbox' });
    const { code } = await createTelegramLinkCode(inbox.id);
    await linkTelegramAccount(code, user);

    const [retired] = await db().select().from(agents).where(eq(agents.id, standIn.id));
    expect(retired).toMatchObject({ active: false, telegramUserId: null });
    const [held] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(held!.assignedAgentId).toBe(inbox.id);
    expect((await resolveTelegramAgent(db(), user)).id).toBe(inbox.id);
  });

  it('are refused for a disabled agent', async () => {
    const agent = await createAgent({ active: false });
    await expect(createTelegramLinkCode(agent.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
