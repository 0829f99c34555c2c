// Quoted replies, and agents editing and deleting what they sent: the rules (same
// conversation, own messages, the edit window, admins' moderation), what each change
// leaves in the transcript, the audit log and the event log, and the customer's catch-up.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import * as files from '../../test/files';
import { type Actor, customerActor, serviceActor } from '../actor';
import { uploadAttachment } from '../attachments/upload-attachment';
import { MESSAGE_EDIT_WINDOW_SECONDS } from '../contracts/message-content';
import { db } from '../db/client';
import { attachments, auditLog, events, messages } from '../db/schema';
import { deleteMessage } from './delete-message';
import { editMessage } from './edit-message';
import { getCustomerHistory } from './get-customer-history';
import { postAgentMessage } from './post-agent-message';
import { postCustomerMessage } from './post-customer-message';

const as = (agent: { id: string }): Actor => ({ type: 'agent', agentId: agent.id });

async function conversationWithReply() {
  const ann = await createAgent({ name: 'Ann' });
  const { conversation } = await createConversation({ name: 'Maria' });
  const { message: question } = await postCustomerMessage(conversation.id, {
    text: 'Where is my order?',
    clientId: nextClientId(),
  });
  const answer = await postAgentMessage(conversation.id, ann.id, 'It ships tomorow', as(ann));
  return { ann, conversationId: conversation.id, question, answer };
}

/** Moves a message back in time, as if it had been sent `seconds` ago. */
async function age(messageId: string, seconds: number) {
  await db()
    .update(messages)
    .set({ createdAt: new Date(Date.now() - seconds * 1000) })
    .where(eq(messages.id, messageId));
}

async function eventsOf(conversationId: string, type: string) {
  return db()
    .select()
    .from(events)
    .where(and(eq(events.conversationId, conversationId), eq(events.type, type)));
}

describe('quoted replies', () => {
  it('quotes a message of the same conversation, with a short excerpt, on every path', async () => {
    const { ann, conversationId, question } = await conversationWithReply();
    const long = `Also: ${'very '.repeat(60)}long`;
    const { message: second } = await postCustomerMessage(conversationId, {
      text: long,
      clientId: nextClientId(),
    });
    const reply = await postAgentMessage(
      conversationId,
      ann.id,
      { text: 'Checking', replyToId: question.id },
      as(ann),
    );
    expect(reply.replyTo).toEqual({
      id: question.id,
      seq: question.seq,
      author: 'customer',
      text: 'Where is my order?',
    });
    const { message: customerReply } = await postCustomerMessage(conversationId, {
      text: 'Thanks',
      clientId: nextClientId(),
      replyToId: second.id,
    });
    expect(customerReply.replyTo!.text.length).toBeLessThanOrEqual(140);
    expect(customerReply.replyTo!.text).toMatch(/^Also: very very .*…$/);

    const history = await getCustomerHistory(conversationId);
    expect(history.messages.find((m) => m.id === reply.id)?.replyTo?.id).toBe(question.id);
    const [posted] = (await eventsOf(conversationId, 'message.posted')).filter(
      (e) => (e.payload as { message: { id: string } }).message.id === reply.id,
    );
    expect(posted!.payload).toMatchObject({ message: { replyTo: { id: question.id } } });
  });

  it('quotes a message of files alone by their names', async () => {
    const { conversationId, ann } = await conversationWithReply();
    const upload = await uploadAttachment(
      conversationId,
      { name: 'receipt.pdf', bytes: files.pdf() },
      customerActor,
    );
    const { message: filesOnly } = await postCustomerMessage(conversationId, {
      text: '',
      clientId: nextClientId(),
      attachmentIds: [upload.id],
    });
    const reply = await postAgentMessage(
      conversationId,
      ann.id,
      { text: 'Got it', replyToId: filesOnly.id },
      as(ann),
    );
    expect(reply.replyTo).toMatchObject({ id: filesOnly.id, text: '📎 receipt.pdf' });
  });

  it('refuses a quote of another conversation, of an unknown id, or of a deleted message', async () => {
    const { conversationId, ann } = await conversationWithReply();
    const other = await conversationWithReply();
    const send = (replyToId: string) =>
      postCustomerMessage(conversationId, { text: 'Re', clientId: nextClientId(), replyToId });
    await expect(send(other.question.id)).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(send('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const own = await postAgentMessage(conversationId, ann.id, 'Oops', as(ann));
    await deleteMessage(conversationId, own.id, { agentId: ann.id }, as(ann));
    await expect(send(own.id)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('deleted'),
    });
    // Nothing was written by the refused sends.
    const rows = await db()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId));
    expect(rows.map((row) => row.text)).toEqual(['Where is my order?', 'It ships tomorow', '']);
  });
});

describe('editing a message', () => {
  it('changes the text in place, marks it edited, audits it and records the event', async () => {
    const { ann, conversationId, answer } = await conversationWithReply();
    const edited = await editMessage(
      conversationId,
      answer.id,
      { agentId: ann.id },
      'It ships tomorrow',
      as(ann),
    );
    expect(edited).toMatchObject({ id: answer.id, seq: answer.seq, text: 'It ships tomorrow' });
    expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(answer.createdAt));

    const history = await getCustomerHistory(conversationId);
    expect(history.messages.map((m) => m.text)).toEqual([
      'Where is my order?',
      'It ships tomorrow',
    ]);
    const [event] = await eventsOf(conversationId, 'message.edited');
    expect(event).toMatchObject({
      actor: `agent:${ann.id}`,
      payload: { message: { id: answer.id, text: 'It ships tomorrow' } },
    });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.conversationId, conversationId), eq(auditLog.action, 'message.edited')),
      );
    expect(audit).toMatchObject({
      actor: `agent:${ann.id}`,
      meta: { messageId: answer.id, seq: answer.seq, author: 'agent' },
    });
  });

  it('leaves an unchanged text alone: no event, no edited mark', async () => {
    const { ann, conversationId, answer } = await conversationWithReply();
    const same = await editMessage(
      conversationId,
      answer.id,
      { agentId: ann.id },
      answer.text,
      as(ann),
    );
    expect(same.editedAt).toBeUndefined();
    expect(await eventsOf(conversationId, 'message.edited')).toEqual([]);
  });

  it('lets agents edit only their own messages, and only within the window', async () => {
    const { ann, conversationId, question, answer } = await conversationWithReply();
    const bob = await createAgent({ name: 'Bob', role: 'admin' });
    const edit = (messageId: string, agentId: string) =>
      editMessage(conversationId, messageId, { agentId }, 'Changed', { type: 'agent', agentId });
    await expect(edit(answer.id, bob.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(edit(question.id, ann.id)).rejects.toMatchObject({ code: 'forbidden' });

    await age(answer.id, MESSAGE_EDIT_WINDOW_SECONDS - 30);
    await expect(edit(answer.id, ann.id)).resolves.toMatchObject({ text: 'Changed' });
    await age(answer.id, MESSAGE_EDIT_WINDOW_SECONDS + 1);
    await expect(edit(answer.id, ann.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('15 minutes'),
    });
  });

  it('refuses an empty text unless the message has files', async () => {
    const { ann, conversationId, answer } = await conversationWithReply();
    await expect(
      editMessage(conversationId, answer.id, { agentId: ann.id }, '', as(ann)),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    const upload = await uploadAttachment(
      conversationId,
      { name: 'label.png', bytes: await files.png() },
      as(ann),
    );
    const withFile = await postAgentMessage(
      conversationId,
      ann.id,
      { text: 'Your label', attachmentIds: [upload.id] },
      as(ann),
    );
    const captionless = await editMessage(
      conversationId,
      withFile.id,
      { agentId: ann.id },
      '',
      as(ann),
    );
    expect(captionless).toMatchObject({ text: '', attachments: [{ id: upload.id }] });
  });

  it('answers 404 for a message of another conversation', async () => {
    const { ann, conversationId } = await conversationWithReply();
    const other = await conversationWithReply();
    await expect(
      editMessage(conversationId, other.answer.id, { agentId: ann.id }, 'x', as(ann)),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('deleting a message', () => {
  it('keeps its place and seq, wipes the text, lets go of its files and tells everyone', async () => {
    const { ann, conversationId, question } = await conversationWithReply();
    const upload = await uploadAttachment(
      conversationId,
      { name: 'label.png', bytes: await files.png() },
      as(ann),
    );
    const sent = await postAgentMessage(
      conversationId,
      ann.id,
      { text: 'Secret link', attachmentIds: [upload.id], replyToId: question.id },
      as(ann),
    );
    const deleted = await deleteMessage(conversationId, sent.id, { agentId: ann.id }, as(ann));
    expect(deleted).toMatchObject({ id: sent.id, seq: sent.seq, text: '', attachments: [] });
    expect(deleted.deletedAt).toBeDefined();
    expect(deleted.replyTo).toBeUndefined();

    const [row] = await db().select().from(messages).where(eq(messages.id, sent.id));
    expect(row).toMatchObject({ text: '', seq: sent.seq });
    const kept = await db().select().from(attachments).where(eq(attachments.id, upload.id));
    expect(kept).toEqual([]);
    const history = await getCustomerHistory(conversationId);
    expect(history.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(JSON.stringify(history)).not.toContain('Secret link');
    const [event] = await eventsOf(conversationId, 'message.deleted');
    expect(event!.payload).toMatchObject({ message: { id: sent.id, text: '', attachments: [] } });
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(eq(auditLog.conversationId, conversationId), eq(auditLog.action, 'message.deleted')),
      );
    expect(audit).toHaveLength(1);

    await expect(
      deleteMessage(conversationId, sent.id, { agentId: ann.id }, as(ann)),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      editMessage(conversationId, sent.id, { agentId: ann.id }, 'Back', as(ann)),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('shows a quote of a message deleted later as deleted', async () => {
    const { ann, conversationId, answer } = await conversationWithReply();
    const { message: reply } = await postCustomerMessage(conversationId, {
      text: 'Great',
      clientId: nextClientId(),
      replyToId: answer.id,
    });
    await deleteMessage(conversationId, answer.id, { agentId: ann.id }, as(ann));
    const history = await getCustomerHistory(conversationId);
    expect(history.messages.find((m) => m.id === reply.id)?.replyTo).toEqual({
      id: answer.id,
      seq: answer.seq,
      author: 'agent',
      agentName: 'Ann',
      text: '',
      deleted: true,
    });
  });

  it('lets an agent delete only their own recent messages; admins and the admin API any', async () => {
    const { ann, conversationId, question, answer } = await conversationWithReply();
    const bob = await createAgent({ name: 'Bob' });
    const boss = await createAgent({ name: 'Boss', role: 'admin' });
    await expect(
      deleteMessage(conversationId, question.id, { agentId: bob.id }, as(bob)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      deleteMessage(conversationId, answer.id, { agentId: bob.id }, as(bob)),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await age(answer.id, MESSAGE_EDIT_WINDOW_SECONDS + 60);
    await expect(
      deleteMessage(conversationId, answer.id, { agentId: ann.id }, as(ann)),
    ).rejects.toMatchObject({ code: 'conflict' });

    await age(question.id, 86_400);
    await expect(
      deleteMessage(conversationId, question.id, { agentId: boss.id }, as(boss)),
    ).resolves.toMatchObject({ id: question.id, text: '' });
    await expect(
      deleteMessage(conversationId, answer.id, { service: true }, serviceActor),
    ).resolves.toMatchObject({ id: answer.id, text: '' });
  });
});

describe("the customer's catch-up", () => {
  it('returns the messages after the cursor and, as `updated`, earlier ones that changed', async () => {
    const { ann, conversationId, question, answer } = await conversationWithReply();
    const extra = await postAgentMessage(conversationId, ann.id, 'Anything else?', as(ann));
    await editMessage(conversationId, answer.id, { agentId: ann.id }, 'Tomorrow', as(ann));
    await deleteMessage(conversationId, extra.id, { agentId: ann.id }, as(ann));
    const { message: latest } = await postCustomerMessage(conversationId, {
      text: 'No, thanks',
      clientId: nextClientId(),
    });

    const caughtUp = await getCustomerHistory(conversationId, extra.seq);
    expect(caughtUp.messages.map((m) => m.id)).toEqual([latest.id]);
    expect(caughtUp.updated?.map((m) => [m.id, m.text, Boolean(m.deletedAt)])).toEqual([
      [answer.id, 'Tomorrow', false],
      [extra.id, '', true],
    ]);
    const whole = await getCustomerHistory(conversationId);
    expect(whole.updated).toBeUndefined();
    expect(whole.messages.map((m) => m.id)).toEqual([question.id, answer.id, extra.id, latest.id]);
    const rows = await db()
      .select({ id: messages.id })
      .from(messages)
      .where(inArray(messages.id, [answer.id, extra.id]));
    expect(rows).toHaveLength(2);
  });
});
