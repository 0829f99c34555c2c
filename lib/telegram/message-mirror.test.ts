// The Telegram mirror of quotes, edits and deletions, without Telegram: which outbox rows
// each event becomes, in the conversation's lane and order, and how a sent post tells the
// messages it carries where their copy is.
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import type { Actor } from '../actor';
import type { Message } from '../contracts/dto';
import { deleteMessage } from '../conversations/delete-message';
import { editMessage } from '../conversations/edit-message';
import { postAgentMessage } from '../conversations/post-agent-message';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { db } from '../db/client';
import { events, messages, telegramOutbox, telegramTopics } from '../db/schema';
import type { DomainEvent } from '../events/types';
import { mirrorEvent } from './mirror-event';
import { OutboxQueue } from './outbox-queue';

/** Mirrors every event of the conversation not mirrored yet, in order. */
async function mirrorAll(conversationId: string, after = 0): Promise<number> {
  const rows = await db()
    .select()
    .from(events)
    .where(eq(events.conversationId, conversationId))
    .orderBy(asc(events.id));
  let last = after;
  for (const row of rows.filter((r) => r.id > after)) {
    await mirrorEvent(row as DomainEvent);
    last = row.id;
  }
  return last;
}

const outbox = (conversationId: string) =>
  db()
    .select()
    .from(telegramOutbox)
    .where(eq(telegramOutbox.conversationId, conversationId))
    .orderBy(asc(telegramOutbox.position), asc(telegramOutbox.id));

async function conversationInTopic() {
  const ann = await createAgent({ name: 'Ann' });
  const actor: Actor = { type: 'agent', agentId: ann.id };
  const { conversation } = await createConversation({ name: 'Maria' });
  await db().insert(telegramTopics).values({ conversationId: conversation.id });
  return { ann, actor, conversationId: conversation.id };
}

describe('the Telegram mirror of replies and changes', () => {
  it('gives quoting posts their own row and answers edits and deletions in lane order', async () => {
    const { ann, actor, conversationId } = await conversationInTopic();
    const { message: question } = await postCustomerMessage(conversationId, {
      text: 'Is it in stock?',
      clientId: nextClientId(),
    });
    const answer = await postAgentMessage(conversationId, ann.id, 'Yes, two left', actor);
    await postCustomerMessage(conversationId, {
      text: 'Great',
      clientId: nextClientId(),
      replyToId: answer.id,
    });
    await editMessage(conversationId, answer.id, { agentId: ann.id }, 'Yes, one left', actor);
    await deleteMessage(conversationId, answer.id, { agentId: ann.id }, actor);
    await mirrorAll(conversationId);

    const rows = (await outbox(conversationId)).map((row) => ({
      kind: row.kind,
      text: row.text,
      messageId: row.messageId,
      replyTo: row.replyToMessageId,
      coalescible: row.coalescible,
    }));
    expect(rows.filter((row) => row.kind !== 'sync_topic')).toEqual([
      {
        kind: 'post',
        text: 'Is it in stock?',
        messageId: question.id,
        replyTo: null,
        coalescible: true,
      },
      expect.objectContaining({ kind: 'post', text: '🙋 Ann claimed this conversation.' }),
      {
        kind: 'post',
        text: 'Ann (inbox): Yes, two left',
        messageId: answer.id,
        replyTo: null,
        coalescible: false,
      },
      {
        kind: 'post',
        text: '👤 Maria:\nGreat',
        messageId: expect.any(String),
        replyTo: answer.id,
        coalescible: false,
      },
      {
        kind: 'edit_post',
        text: 'Ann (inbox): Yes, one left',
        messageId: answer.id,
        replyTo: null,
        coalescible: false,
      },
      { kind: 'delete_post', text: null, messageId: answer.id, replyTo: null, coalescible: false },
    ]);
  });

  it('leaves an edit made in the topic out: Telegram shows it already', async () => {
    const { ann, conversationId } = await conversationInTopic();
    const telegram: Actor = { type: 'telegram', userId: 42, agentId: ann.id };
    const reply = await postAgentMessage(
      conversationId,
      ann.id,
      { text: 'Hi', telegramMessageId: 900 },
      telegram,
    );
    await editMessage(conversationId, reply.id, { agentId: ann.id }, 'Hello', telegram);
    await mirrorAll(conversationId);
    expect((await outbox(conversationId)).map((row) => row.kind)).not.toContain('edit_post');
    const [row] = await db().select().from(messages).where(eq(messages.id, reply.id));
    expect(row!.telegramMessageId).toBe(900);
  });

  it('tells every message of a coalesced post where its copy is, once, with the first part', async () => {
    const { conversationId } = await conversationInTopic();
    const sent: Message[] = [];
    for (const text of ['One', 'Two']) {
      sent.push(
        (await postCustomerMessage(conversationId, { text, clientId: nextClientId() })).message,
      );
    }
    await mirrorAll(conversationId);
    const [first, second] = (await outbox(conversationId)).filter((row) => row.kind === 'post');
    await db()
      .update(telegramOutbox)
      .set({ status: 'merged', mergedInto: first!.id })
      .where(eq(telegramOutbox.id, second!.id));

    const queue = new OutboxQueue(db(), 20);
    expect(await queue.recordPart(first!.id, 501, false)).toEqual([501]);
    expect(await queue.recordPart(first!.id, 502, true)).toEqual([501, 502]);
    const copies = await db()
      .select({ id: messages.id, copy: messages.telegramMessageId })
      .from(messages)
      .where(eq(messages.conversationId, conversationId));
    expect(copies.filter((row) => sent.some((m) => m.id === row.id))).toEqual(
      expect.arrayContaining(sent.map((m) => ({ id: m.id, copy: 501 }))),
    );
    const [done] = await db().select().from(telegramOutbox).where(eq(telegramOutbox.id, first!.id));
    expect(done!.status).toBe('sent');
  });
});
