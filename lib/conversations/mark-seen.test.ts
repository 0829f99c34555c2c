import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createConversation, nextClientId } from '../../test/factories';
import { db } from '../db/client';
import { conversations, events } from '../db/schema';
import { markSeenByCustomer } from './mark-seen';
import { postCustomerMessage } from './post-customer-message';

async function conversationWith(messageCount: number) {
  const { conversation } = await createConversation();
  for (let i = 1; i <= messageCount; i++) {
    await postCustomerMessage(conversation.id, { text: `Message ${i}`, clientId: nextClientId() });
  }
  return conversation.id;
}

async function seenSeq(id: string) {
  const [row] = await db()
    .select({ seen: conversations.customerSeenSeq })
    .from(conversations)
    .where(eq(conversations.id, id));
  return row!.seen;
}

const seenEvents = (id: string) =>
  db()
    .select()
    .from(events)
    .where(and(eq(events.conversationId, id), eq(events.type, 'conversation.seen')))
    .orderBy(asc(events.id));

describe('markSeenByCustomer', () => {
  it('moves the read marker forward and tells agents, as the customer', async () => {
    const id = await conversationWith(3);

    expect(await markSeenByCustomer(id, 2)).toBe(true);
    expect(await seenSeq(id)).toBe(2);
    expect(await seenEvents(id)).toMatchObject([
      { actor: 'customer', payload: { conversationId: id, seq: 2 } },
    ]);
  });

  it('never moves backwards, nor stays put with an event', async () => {
    const id = await conversationWith(3);
    await markSeenByCustomer(id, 3);

    expect(await markSeenByCustomer(id, 1)).toBe(false);
    expect(await markSeenByCustomer(id, 3)).toBe(false);
    expect(await seenSeq(id)).toBe(3);
    expect(await seenEvents(id)).toHaveLength(1);
  });

  it('never moves past the last message', async () => {
    const id = await conversationWith(2);

    expect(await markSeenByCustomer(id, 99)).toBe(true);
    expect(await seenSeq(id)).toBe(2);
    expect(await seenEvents(id)).toMatchObject([{ payload: { seq: 2 } }]);
    expect(await markSeenByCustomer(id, 100)).toBe(false);
  });

  it('does nothing for an empty conversation or an unknown one', async () => {
    const id = await conversationWith(0);

    expect(await markSeenByCustomer(id, 5)).toBe(false);
    expect(await markSeenByCustomer('00000000-0000-4000-8000-000000000000', 5)).toBe(false);
    expect(await seenEvents(id)).toEqual([]);
  });
});
