import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../test/factories';
import { customerActor, serviceActor } from '../actor';
import { db } from '../db/client';
import { auditLog, conversations, deliveries, events } from '../db/schema';
import { activeChannels } from '../events/channels';
import { blockConversation } from './block-conversation';
import { renameConversation } from './rename-conversation';

const renames = (id: string) =>
  Promise.all([
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.conversationId, id), eq(auditLog.action, 'conversation.renamed'))),
    db()
      .select()
      .from(events)
      .where(and(eq(events.conversationId, id), eq(events.type, 'conversation.renamed'))),
  ]);

describe('renameConversation', () => {
  it('stores the name, audited as the customer, with an event for every subscriber', async () => {
    const { conversation } = await createConversation({ name: 'Anonymous' });
    const view = await renameConversation(conversation.id, 'Maria Lopez', customerActor);

    expect(view.name).toBe('Maria Lopez');
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row!.customerName).toBe('Maria Lopez');
    const [audit, renamed] = await renames(conversation.id);
    expect(audit).toMatchObject([
      { actor: 'customer', meta: { from: 'Anonymous', to: 'Maria Lopez' } },
    ]);
    expect(renamed).toMatchObject([
      { actor: 'customer', payload: { conversation: { name: 'Maria Lopez' } } },
    ]);
    const pending = await db()
      .select({ subscriber: deliveries.subscriber, status: deliveries.status })
      .from(deliveries)
      .where(eq(deliveries.eventId, renamed[0]!.id));
    expect(pending).toEqual(
      activeChannels().map((subscriber) => ({ subscriber, status: 'pending' })),
    );
  });

  it('writes nothing when the name is unchanged', async () => {
    const { conversation } = await createConversation({ name: 'Maria' });
    const view = await renameConversation(conversation.id, 'Maria', customerActor);

    expect(view.name).toBe('Maria');
    const [audit, renamed] = await renames(conversation.id);
    expect([audit, renamed]).toEqual([[], []]);
  });

  it('refuses a blocked conversation with 403 blocked', async () => {
    const { conversation } = await createConversation({ name: 'Spammer' });
    await blockConversation(conversation.id, serviceActor);

    await expect(
      renameConversation(conversation.id, 'Innocent', customerActor),
    ).rejects.toMatchObject({ code: 'blocked', status: 403 });
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row!.customerName).toBe('Spammer');
  });

  it('answers not_found for an unknown conversation', async () => {
    await expect(
      renameConversation('00000000-0000-4000-8000-000000000000', 'Maria', customerActor),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
