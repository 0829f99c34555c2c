import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversation, nextClientId } from '../../test/factories';
import { serviceActor } from '../actor';
import { closeConversation } from '../conversations/close-conversation';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { db } from '../db/client';
import { auditLog, conversations, events, messages, settings, sweepRuns } from '../db/schema';
import { invalidateSettingsCache } from '../settings/cache';
import { updateSettings } from '../settings/update-settings';
import { purgeClosedConversations } from './purge-closed';

const DAY = 86_400_000;

async function closedConversation(telegramThreadId: number | null = null) {
  const { conversation } = await createConversation();
  await postCustomerMessage(conversation.id, { text: 'Private details', clientId: nextClientId() });
  await closeConversation(conversation.id, serviceActor);
  if (telegramThreadId !== null) {
    await db()
      .update(conversations)
      .set({ telegramChatId: -100123, telegramThreadId })
      .where(eq(conversations.id, conversation.id));
  }
  return conversation.id;
}

beforeEach(async () => {
  await db().delete(settings);
  invalidateSettingsCache();
  await db().delete(sweepRuns);
});

describe('retention', () => {
  it('keeps everything while retention is off', async () => {
    const id = await closedConversation();
    expect(await purgeClosedConversations(new Date(Date.now() + 3650 * DAY))).toBe(0);
    expect(await db().select().from(conversations).where(eq(conversations.id, id))).toHaveLength(1);
  });

  it('purges closed conversations older than N days once a day, with their transcript and events', async () => {
    await updateSettings({ retention: { closedConversationDays: 30 } }, serviceActor);
    const old = await closedConversation(77);
    const open = (await createConversation()).conversation.id;
    const now = new Date(Date.now() + 31 * DAY);

    const purged = await purgeClosedConversations(now);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(conversations).where(eq(conversations.id, old))).toEqual([]);
    expect(await db().select().from(messages).where(eq(messages.conversationId, old))).toEqual([]);
    expect(await db().select().from(conversations).where(eq(conversations.id, open))).toHaveLength(
      1,
    );
    // Only the notice for the Telegram topic is left of its events.
    const left = await db().select().from(events).where(eq(events.conversationId, old));
    expect(left.map((e) => [e.type, e.payload])).toEqual([
      [
        'conversation.purged',
        { conversationId: old, telegramChatId: -100123, telegramThreadId: 77 },
      ],
    ]);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['retention.purged']));
    expect(audit).toMatchObject({ actor: 'system', meta: { count: purged, olderThanDays: 30 } });

    // The same day again (another instance, or the next tick): nothing runs, even for a
    // conversation that is due; the next day's run takes it.
    const later = await closedConversation();
    await db()
      .update(conversations)
      .set({ closedAt: new Date(Date.now() - 60 * DAY) })
      .where(eq(conversations.id, later));
    expect(await purgeClosedConversations(new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await db().select().from(conversations).where(eq(conversations.id, later))).toHaveLength(
      1,
    );
    expect(await purgeClosedConversations(new Date(now.getTime() + DAY + 1000))).toBe(1);
    expect(await db().select().from(conversations).where(eq(conversations.id, later))).toEqual([]);
  });
});
