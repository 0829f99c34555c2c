import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import type { Actor } from '../actor';
import { db } from '../db/client';
import { auditLog, conversations, deliveries, events, messages, notes } from '../db/schema';
import { activeChannels } from '../events/channels';
import { addNote } from './add-note';
import { getCustomerHistory } from './get-customer-history';
import { postCustomerMessage } from './post-customer-message';

describe('addNote', () => {
  it('stores a private note, never a message, so the transcript and seq are untouched', async () => {
    const ann = await createAgent({ name: 'Ann' });
    const actor: Actor = { type: 'agent', agentId: ann.id };
    const { conversation } = await createConversation();
    await postCustomerMessage(conversation.id, { text: 'Hello', clientId: nextClientId() });
    const note = await addNote(conversation.id, ann.id, 'VIP customer, be nice', actor);

    expect(note).toMatchObject({
      conversationId: conversation.id,
      authorName: 'Ann',
      agentId: ann.id,
      text: 'VIP customer, be nice',
    });
    const stored = await db().select().from(notes).where(eq(notes.conversationId, conversation.id));
    expect(stored.map((n) => n.id)).toEqual([note.id]);
    const transcript = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation.id));
    expect(transcript.map((m) => m.text)).toEqual(['Hello']);
    const [row] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, conversation.id));
    expect(row!.lastSeq).toBe(1);
    const history = await getCustomerHistory(conversation.id);
    expect(JSON.stringify(history)).not.toContain('VIP customer');

    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.conversationId, conversation.id), eq(auditLog.action, 'note.added')));
    expect(audit).toMatchObject({ actor: `agent:${ann.id}`, meta: { noteId: note.id } });
    const [event] = await db()
      .select()
      .from(events)
      .where(and(eq(events.conversationId, conversation.id), eq(events.type, 'note.added')));
    expect(event).toMatchObject({ actor: `agent:${ann.id}`, payload: { note } });
    const pending = await db()
      .select({ subscriber: deliveries.subscriber, status: deliveries.status })
      .from(deliveries)
      .where(eq(deliveries.eventId, event!.id));
    expect(pending).toEqual(
      activeChannels().map((subscriber) => ({ subscriber, status: 'pending' })),
    );
  });

  it('keeps the Telegram user who wrote it', async () => {
    const ann = await createAgent({ telegramUserId: 424242 });
    const { conversation } = await createConversation();
    const note = await addNote(conversation.id, ann.id, 'Seen in Telegram', {
      type: 'telegram',
      userId: 424242,
      agentId: ann.id,
    });

    const [row] = await db().select().from(notes).where(eq(notes.id, note.id));
    expect(row!.telegramUserId).toBe(424242);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.conversationId, conversation.id), eq(auditLog.action, 'note.added')));
    expect(audit!.actor).toBe('telegram:424242');
  });

  it('refuses a disabled agent and an unknown conversation', async () => {
    const gone = await createAgent({ active: false });
    const ann = await createAgent();
    const { conversation } = await createConversation();

    await expect(
      addNote(conversation.id, gone.id, 'Hi', { type: 'agent', agentId: gone.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addNote('00000000-0000-4000-8000-000000000000', ann.id, 'Hi', {
        type: 'agent',
        agentId: ann.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(
      await db().select().from(notes).where(eq(notes.conversationId, conversation.id)),
    ).toEqual([]);
  });
});
