import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import { customerActor } from '../actor';
import { db } from '../db/client';
import { auditLog, conversations, deliveries, events, messages } from '../db/schema';
import { activeChannels } from '../events/channels';
import { blockConversation } from './block-conversation';
import { closeConversation } from './close-conversation';
import { postAgentMessage } from './post-agent-message';
import { postCustomerMessage } from './post-customer-message';

const send = (conversationId: string, text: string, clientId = nextClientId()) =>
  postCustomerMessage(conversationId, { text, clientId });

describe('postCustomerMessage', () => {
  it('persists the message with the next seq and writes its event and deliveries in the same transaction', async () => {
    const { conversation } = await createConversation();
    const first = await send(conversation.id, 'Hello');
    const second = await send(conversation.id, 'Anyone there?');

    expect(first).toMatchObject({
      created: true,
      message: { seq: 1, author: 'customer', text: 'Hello' },
    });
    expect(second.message.seq).toBe(2);
    const posted = await db()
      .select()
      .from(events)
      .where(and(eq(events.conversationId, conversation.id), eq(events.type, 'message.posted')))
      .orderBy(asc(events.id));
    expect(posted.map((e) => (e.payload as { message: { id: string } }).message.id)).toEqual([
      first.message.id,
      second.message.id,
    ]);
    const pending = await db()
      .select()
      .from(deliveries)
      .where(eq(deliveries.eventId, posted[0]!.id));
    expect(pending.map((d) => d.subscriber).sort()).toEqual([...activeChannels()].sort());
  });

  it('returns the earlier message for a repeated clientId without writing anything', async () => {
    const { conversation } = await createConversation();
    const clientId = nextClientId();
    const original = await send(conversation.id, 'Only once', clientId);
    const repeated = await send(conversation.id, 'Different text, same key', clientId);

    expect(repeated).toEqual({ created: false, message: original.message });
    const rows = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    expect(rows).toHaveLength(1);
  });

  it('stores one message when the same clientId arrives concurrently', async () => {
    const { conversation } = await createConversation();
    const clientId = nextClientId();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => send(conversation.id, 'Double click', clientId)),
    );

    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row!.lastSeq).toBe(1);
  });

  it('keeps seq gap-free with 50 concurrent senders', async () => {
    const { conversation } = await createConversation();
    await Promise.all(Array.from({ length: 50 }, (_, i) => send(conversation.id, `Message ${i}`)));

    const rows = await db()
      .select({ seq: messages.seq })
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(asc(messages.seq));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('moves a conversation awaiting the customer back to assigned', async () => {
    const agent = await createAgent();
    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, agent.id, 'How can I help?', {
      type: 'agent',
      agentId: agent.id,
    });
    await send(conversation.id, 'My order is late');

    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row).toMatchObject({ status: 'open_assigned', assignedAgentId: agent.id });
  });

  it('reopens a closed conversation, unclaimed, with the reopened note before the message', async () => {
    const agent = await createAgent();
    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, agent.id, 'Done?', {
      type: 'agent',
      agentId: agent.id,
    });
    await closeConversation(conversation.id, { type: 'agent', agentId: agent.id });
    const { message } = await send(conversation.id, 'One more thing');

    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row).toMatchObject({ status: 'open_unclaimed', assignedAgentId: null, closedAt: null });
    const transcript = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id))
      .orderBy(asc(messages.seq));
    expect(transcript.map((m) => [m.author, m.templateKey])).toEqual([
      ['agent', null],
      ['system', 'closing_message'],
      ['system', 'conversation_reopened'],
      ['customer', null],
    ]);
    expect(message.seq).toBe(4);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.conversationId, conversation.id));
    expect(audit.find((a) => a.action === 'conversation.reopened')?.actor).toBe('customer');
  });

  it('refuses a blocked conversation with 403 blocked and stores nothing', async () => {
    const { conversation } = await createConversation();
    await blockConversation(conversation.id, customerActor);

    await expect(send(conversation.id, 'Let me in')).rejects.toMatchObject({
      code: 'blocked',
      status: 403,
    });
    const rows = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    expect(rows).toHaveLength(0);
  });

  it('answers 404 for an unknown conversation', async () => {
    await expect(send('00000000-0000-4000-8000-000000000000', 'Hello?')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
