// System-message templates route to exactly the channels their flags name, in the
// conversation's locale, no more often than their rate limit allows.
import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { emittedSystemMessages } from '../../test/events';
import { createConversation, nextClientId } from '../../test/factories';
import { serviceActor } from '../actor';
import { db } from '../db/client';
import { messages, messageTemplates, settings } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { invalidateSettingsCache } from '../settings/cache';
import { upsertTemplate } from '../settings/message-templates';
import { updateSettings } from '../settings/update-settings';
import { postCustomerMessage } from './post-customer-message';
import { emitSystemMessage } from './system-messages';

const emitted = emittedSystemMessages;

const bubbles = (conversationId: string) =>
  db()
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.author, 'system')))
    .orderBy(asc(messages.seq));

const send = (conversationId: string) =>
  postCustomerMessage(conversationId, { text: 'Hi', clientId: nextClientId() });

beforeEach(async () => {
  await db().delete(messageTemplates);
  invalidateSettingsCache();
  await db().delete(settings);
  invalidateSettingsCache();
});

describe('system messages', () => {
  it('welcomes the customer with a banner only', async () => {
    const { conversation } = await createConversation();
    expect(await emitted(conversation.id)).toEqual([
      expect.objectContaining({
        key: 'welcome_message',
        notice: true,
        telegram: false,
        messageId: null,
      }),
    ]);
    expect(await bubbles(conversation.id)).toEqual([]);
  });

  it('routes each flag to its channel: banner, transcript bubble, Telegram, pin', async () => {
    await upsertTemplate(
      {
        key: 'waiting_for_agent',
        locale: '',
        text: 'Hang on!',
        notice: false,
        persist: true,
        telegram: true,
        pin: true,
      },
      serviceActor,
    );
    const { conversation } = await createConversation();
    await send(conversation.id);

    const [bubble] = await bubbles(conversation.id);
    expect(bubble).toMatchObject({ text: 'Hang on!', templateKey: 'waiting_for_agent', seq: 2 });
    expect((await emitted(conversation.id)).at(-1)).toEqual({
      conversationId: conversation.id,
      key: 'waiting_for_agent',
      text: 'Hang on!',
      notice: false,
      telegram: true,
      pin: true,
      messageId: bubble!.id,
    });
  });

  it('respects the per-conversation rate limit of a template', async () => {
    const first = await createConversation();
    const second = await createConversation();
    for (let i = 0; i < 3; i++) await send(first.conversation.id);
    await send(second.conversation.id);

    const waiting = async (id: string) =>
      (await emitted(id)).filter((p) => p.key === 'waiting_for_agent');
    expect(await waiting(first.conversation.id)).toHaveLength(1);
    expect(await waiting(second.conversation.id)).toHaveLength(1);

    // Once the window (300 s by default) has passed, it may be sent again.
    const [row] = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, first.conversation.id));
    const later = new Date(row!.createdAt.getTime() + 301_000);
    await inTransaction((tx) =>
      emitSystemMessage(tx, first.conversation, 'waiting_for_agent', serviceActor, later),
    );
    expect(await waiting(first.conversation.id)).toHaveLength(2);
  });

  it('picks the text for the conversation’s locale, then its language, then the fallback', async () => {
    await upsertTemplate(
      { key: 'closed_history_note', locale: 'de', text: 'Geschlossen.' },
      serviceActor,
    );
    await upsertTemplate(
      { key: 'closing_message', locale: 'pt-BR', text: 'Encerrado.' },
      serviceActor,
    );
    const german = await createConversation({ locale: 'de-AT' });
    const brazilian = await createConversation({ locale: 'pt-BR' });
    const english = await createConversation({ locale: 'en' });

    for (const started of [german, brazilian, english]) {
      await inTransaction((tx) =>
        emitSystemMessage(tx, started.conversation, 'closing_message', serviceActor),
      );
    }
    expect((await bubbles(brazilian.conversation.id)).map((m) => m.text)).toEqual(['Encerrado.']);
    expect((await bubbles(german.conversation.id))[0]!.text).toMatch(/has been closed/);
    expect((await bubbles(english.conversation.id))[0]!.text).toMatch(/has been closed/);
  });

  it('tells the customer the team is offline outside working hours, instead of "waiting"', async () => {
    await updateSettings(
      { workingHours: { enabled: true, timezone: 'UTC', week: {}, holidays: [] } },
      serviceActor,
    );
    const { conversation } = await createConversation();
    await send(conversation.id);

    const keys = (await emitted(conversation.id)).map((p) => p.key);
    expect(keys).toEqual(['welcome_message', 'offline_message']);
  });
});
