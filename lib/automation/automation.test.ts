// Reminders and auto-close driven by a clock the tests control (`now` is an argument of
// every sweep; the stored timestamps come from the real writes).
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { emittedSystemMessages } from '../../test/events';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import { claimConversation } from '../conversations/claim-conversation';
import { postAgentMessage } from '../conversations/post-agent-message';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { db } from '../db/client';
import { conversations, messages, settings } from '../db/schema';
import { invalidateSettingsCache } from '../settings/cache';
import { updateSettings } from '../settings/update-settings';
import { autoCloseIdleConversations } from './auto-close';
import { sendDueReminders } from './send-reminders';

const SECOND = 1000;

async function customerWrites(conversationId: string, text = 'Hello?') {
  await postCustomerMessage(conversationId, { text, clientId: nextClientId() });
  const [row] = await db().select().from(conversations).where(eq(conversations.id, conversationId));
  return row!;
}

async function remindersOf(conversationId: string) {
  const emitted = await emittedSystemMessages(conversationId);
  return emitted.filter((p) => p.key.startsWith('unclaimed_reminder'));
}

const secondsAfter = (start: Date, seconds: number) => new Date(start.getTime() + seconds * SECOND);

beforeEach(async () => {
  await db().delete(settings);
  invalidateSettingsCache();
  await updateSettings(
    { automation: { firstReminderSeconds: 300, secondReminderSeconds: 900 } },
    { type: 'service' },
  );
});

describe('unclaimed reminders', () => {
  it('fires each reminder once, at its time, to agents only, the second one pinned', async () => {
    const { conversation } = await createConversation();
    const { awaitingClaimSince: since } = await customerWrites(conversation.id);

    await sendDueReminders(secondsAfter(since!, 299));
    expect(await remindersOf(conversation.id)).toEqual([]);

    await sendDueReminders(secondsAfter(since!, 300));
    await sendDueReminders(secondsAfter(since!, 400));
    expect(await remindersOf(conversation.id)).toEqual([
      expect.objectContaining({
        key: 'unclaimed_reminder_5m',
        telegram: true,
        pin: false,
        notice: false,
      }),
    ]);

    await sendDueReminders(secondsAfter(since!, 900));
    await sendDueReminders(secondsAfter(since!, 5000));
    expect((await remindersOf(conversation.id)).map((r) => [r.key, r.pin])).toEqual([
      ['unclaimed_reminder_5m', false],
      ['unclaimed_reminder_15m_pin', true],
    ]);
    // Never the customer: nothing in the transcript.
    const transcript = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    expect(transcript.map((m) => m.author)).toEqual(['customer']);
  });

  it('counts from the first customer message, not from the conversation start', async () => {
    const { conversation } = await createConversation();
    await sendDueReminders(new Date(Date.now() + 3600 * SECOND));
    expect(await remindersOf(conversation.id)).toEqual([]);
    const first = await customerWrites(conversation.id, 'First');
    const second = await customerWrites(conversation.id, 'Second');
    expect(second.awaitingClaimSince).toEqual(first.awaitingClaimSince);
  });

  it('stops once the conversation is claimed', async () => {
    const agent = await createAgent();
    const { conversation } = await createConversation();
    const { awaitingClaimSince: since } = await customerWrites(conversation.id);
    await sendDueReminders(secondsAfter(since!, 301));
    await claimConversation(conversation.id, agent.id, { type: 'agent', agentId: agent.id });
    await sendDueReminders(secondsAfter(since!, 2000));

    expect((await remindersOf(conversation.id)).map((r) => r.key)).toEqual([
      'unclaimed_reminder_5m',
    ]);
  });

  it('sends one reminder, not a burst, after a 3-hour outage', async () => {
    const { conversation } = await createConversation();
    const { awaitingClaimSince: since } = await customerWrites(conversation.id);
    await sendDueReminders(secondsAfter(since!, 3 * 3600));
    await sendDueReminders(secondsAfter(since!, 3 * 3600 + 15));

    expect((await remindersOf(conversation.id)).map((r) => r.key)).toEqual([
      'unclaimed_reminder_15m_pin',
    ]);
  });

  it('produces each reminder once with two sweepers running at the same time', async () => {
    const started = await Promise.all(Array.from({ length: 12 }, () => createConversation()));
    const since = await Promise.all(
      started.map(({ conversation }) => customerWrites(conversation.id)),
    );
    const now = secondsAfter(since.at(-1)!.awaitingClaimSince!, 301);

    const counts = await Promise.all([sendDueReminders(now), sendDueReminders(now)]);
    expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(12);
    for (const { conversation } of started) {
      expect(await remindersOf(conversation.id)).toHaveLength(1);
    }
  });

  it('pauses outside working hours', async () => {
    await updateSettings(
      {
        workingHours: {
          enabled: true,
          timezone: 'UTC',
          week: { mon: [{ from: '09:00', to: '17:00' }] },
        },
      },
      { type: 'service' },
    );
    const { conversation } = await createConversation();
    await customerWrites(conversation.id);
    // A Sunday, long after the message: nobody is at work.
    await sendDueReminders(new Date('2030-01-06T12:00:00Z'));
    expect(await remindersOf(conversation.id)).toEqual([]);
    // Monday morning: one reminder catches up.
    await sendDueReminders(new Date('2030-01-07T09:30:00Z'));
    expect(await remindersOf(conversation.id)).toHaveLength(1);
  });
});

describe('auto-close', () => {
  const closedOnes = async (id: string) => {
    const [row] = await db().select().from(conversations).where(eq(conversations.id, id));
    const transcript = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, id))
      .orderBy(asc(messages.seq));
    return { status: row!.status, last: transcript.at(-1), transcript };
  };

  it('does nothing while the rules are off', async () => {
    const { conversation } = await createConversation();
    await customerWrites(conversation.id);
    expect(await autoCloseIdleConversations(new Date(Date.now() + 86_400 * SECOND * 30))).toBe(0);
    expect((await closedOnes(conversation.id)).status).toBe('open_unclaimed');
  });

  it('closes a customer message left without an agent reply, telling the customer how to reopen', async () => {
    await updateSettings(
      { automation: { autoCloseNoAgentReplySeconds: 3600 } },
      { type: 'service' },
    );
    const { conversation } = await createConversation();
    const { lastCustomerAt } = await customerWrites(conversation.id);

    await autoCloseIdleConversations(secondsAfter(lastCustomerAt!, 3599));
    expect((await closedOnes(conversation.id)).status).toBe('open_unclaimed');
    await autoCloseIdleConversations(secondsAfter(lastCustomerAt!, 3600));
    await autoCloseIdleConversations(secondsAfter(lastCustomerAt!, 9000));

    const closed = await closedOnes(conversation.id);
    expect(closed.status).toBe('closed');
    expect(closed.last).toMatchObject({ author: 'system', templateKey: 'auto_closed' });
    expect(closed.last!.text).toMatch(/reply here to reopen/i);
    expect(closed.transcript.filter((m) => m.templateKey === 'auto_closed')).toHaveLength(1);
  });

  it('closes a conversation whose customer went silent after an agent reply, and only then', async () => {
    await updateSettings(
      { automation: { autoCloseCustomerSilentSeconds: 7200 } },
      { type: 'service' },
    );
    const agent = await createAgent();
    const { conversation } = await createConversation();
    const { lastCustomerAt } = await customerWrites(conversation.id);
    // Unanswered: the customer-silent rule does not apply.
    await autoCloseIdleConversations(secondsAfter(lastCustomerAt!, 7201));
    expect((await closedOnes(conversation.id)).status).toBe('open_unclaimed');

    await postAgentMessage(conversation.id, agent.id, 'Does that help?', {
      type: 'agent',
      agentId: agent.id,
    });
    const [replied] = await db()
      .select({ lastAgentAt: conversations.lastAgentAt })
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    const lastAgentAt = replied?.lastAgentAt;
    expect(lastAgentAt).toBeInstanceOf(Date);
    await autoCloseIdleConversations(secondsAfter(lastAgentAt!, 7199));
    expect((await closedOnes(conversation.id)).status).toBe('awaiting_customer');
    await autoCloseIdleConversations(secondsAfter(lastAgentAt!, 7200));
    expect((await closedOnes(conversation.id)).status).toBe('closed');
  });

  it('closes each conversation once with two sweepers, and a customer reply reopens it', async () => {
    await updateSettings({ automation: { autoCloseNoAgentReplySeconds: 60 } }, { type: 'service' });
    const started = await Promise.all(Array.from({ length: 8 }, () => createConversation()));
    for (const { conversation } of started) await customerWrites(conversation.id);
    const now = new Date(Date.now() + 3 * 3600 * SECOND);

    await Promise.all([autoCloseIdleConversations(now), autoCloseIdleConversations(now)]);
    for (const { conversation } of started) {
      const closed = await closedOnes(conversation.id);
      expect(closed.status).toBe('closed');
      expect(closed.transcript.filter((m) => m.templateKey === 'auto_closed')).toHaveLength(1);
    }

    const reopened = await customerWrites(started[0]!.conversation.id, 'I am back');
    expect(reopened.status).toBe('open_unclaimed');
    const { transcript } = await closedOnes(started[0]!.conversation.id);
    expect(transcript.slice(-2).map((m) => m.templateKey ?? m.author)).toEqual([
      'conversation_reopened',
      'customer',
    ]);
  });
});
