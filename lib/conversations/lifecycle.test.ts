// The conversation state machine of DESIGN §5, transition by transition: what each one
// changes, what it refuses, and the audit entry and event it leaves behind.
import { and, asc, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent, createConversation, nextClientId } from '../../test/factories';
import { type Actor, actorLabel, serviceActor, systemActor } from '../actor';
import { db } from '../db/client';
import {
  type AgentRow,
  auditLog,
  conversations,
  deliveries,
  events,
  messages,
  messageTemplates,
} from '../db/schema';
import { activeChannels } from '../events/channels';
import { invalidateSettingsCache } from '../settings/cache';
import { blockConversation } from './block-conversation';
import { claimConversation } from './claim-conversation';
import { closeConversation } from './close-conversation';
import { postAgentMessage } from './post-agent-message';
import { postCustomerMessage } from './post-customer-message';
import { reopenConversation } from './reopen-conversation';
import { DEFAULT_TEMPLATES } from './system-messages';
import { unblockConversation } from './unblock-conversation';

const as = (agent: AgentRow): Actor => ({ type: 'agent', agentId: agent.id });

async function row(id: string) {
  const [found] = await db().select().from(conversations).where(eq(conversations.id, id));
  return found!;
}

const transcript = (id: string) =>
  db().select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.seq));

const auditOf = (id: string) =>
  db().select().from(auditLog).where(eq(auditLog.conversationId, id)).orderBy(asc(auditLog.id));

const eventsOf = (id: string) =>
  db().select().from(events).where(eq(events.conversationId, id)).orderBy(asc(events.id));

/** The latest audit entry with `action`, asserting who wrote it. */
async function expectAudited(id: string, action: string, actor: Actor) {
  const [audit] = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.conversationId, id), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  expect(audit?.actor).toBe(actorLabel(actor));
  return audit!;
}

/** The latest event of `type`, asserting who caused it and that every subscriber awaits it. */
async function expectEvent(id: string, type: string, actor: Actor) {
  const [event] = await db()
    .select()
    .from(events)
    .where(and(eq(events.conversationId, id), eq(events.type, type)))
    .orderBy(desc(events.id))
    .limit(1);
  expect(event?.actor).toBe(actorLabel(actor));
  const pending = await db()
    .select({ subscriber: deliveries.subscriber, status: deliveries.status })
    .from(deliveries)
    .where(eq(deliveries.eventId, event!.id));
  expect(pending).toEqual(
    activeChannels().map((subscriber) => ({ subscriber, status: 'pending' })),
  );
  return event!;
}

/** A transition's audit entry (named like its event unless told) and its event. */
async function expectRecorded(id: string, type: string, actor: Actor, action = type) {
  return {
    audit: await expectAudited(id, action, actor),
    event: await expectEvent(id, type, actor),
  };
}

/** Asserts that `attempt` is refused with `code` and that it wrote nothing at all. */
async function expectRefused(id: string, attempt: () => Promise<unknown>, code: string) {
  const before = { row: await row(id), audit: await auditOf(id), events: await eventsOf(id) };
  await expect(attempt()).rejects.toMatchObject({ code });
  expect(await row(id)).toEqual(before.row);
  expect(await auditOf(id)).toHaveLength(before.audit.length);
  expect(await eventsOf(id)).toHaveLength(before.events.length);
}

const customerSays = (id: string, text: string) =>
  postCustomerMessage(id, { text, clientId: nextClientId() });

async function closedConversation() {
  const { conversation } = await createConversation();
  await closeConversation(conversation.id, serviceActor);
  return conversation.id;
}

async function blockedConversation() {
  const { conversation } = await createConversation();
  await blockConversation(conversation.id, serviceActor);
  return conversation.id;
}

describe('claimConversation', () => {
  it('assigns an unclaimed conversation to the agent', async () => {
    const ann = await createAgent({ name: 'Ann' });
    const { conversation } = await createConversation();
    const view = await claimConversation(conversation.id, ann.id, as(ann));

    expect(view).toMatchObject({ status: 'open_assigned', agent: { name: 'Ann' } });
    expect(await row(conversation.id)).toMatchObject({
      status: 'open_assigned',
      assignedAgentId: ann.id,
    });
    const { event } = await expectRecorded(conversation.id, 'conversation.claimed', as(ann));
    expect(event.payload).toMatchObject({ previousAgentId: null, conversation: { id: view.id } });
  });

  it('lets another agent take it over, keeping the status', async () => {
    const [ann, bob] = [await createAgent(), await createAgent({ name: 'Bob' })];
    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, ann.id, 'Hello', as(ann));
    const view = await claimConversation(conversation.id, bob.id, as(bob));

    expect(view).toMatchObject({ status: 'awaiting_customer', agent: { name: 'Bob' } });
    expect((await row(conversation.id)).assignedAgentId).toBe(bob.id);
    const { audit, event } = await expectRecorded(
      conversation.id,
      'conversation.claimed',
      as(bob),
      'conversation.taken_over',
    );
    expect(audit.meta).toEqual({ agentId: bob.id, previousAgentId: ann.id });
    expect(event.payload).toMatchObject({ previousAgentId: ann.id });
  });

  it('does nothing when the agent already holds it', async () => {
    const ann = await createAgent();
    const { conversation } = await createConversation();
    await claimConversation(conversation.id, ann.id, as(ann));
    const before = {
      row: await row(conversation.id),
      audit: await auditOf(conversation.id),
      events: await eventsOf(conversation.id),
    };
    const view = await claimConversation(conversation.id, ann.id, as(ann));

    expect(view.status).toBe('open_assigned');
    expect(await row(conversation.id)).toEqual(before.row);
    expect(await auditOf(conversation.id)).toHaveLength(before.audit.length);
    expect(await eventsOf(conversation.id)).toHaveLength(before.events.length);
  });

  it('refuses a closed or blocked conversation with conflict', async () => {
    const ann = await createAgent();
    const closed = await closedConversation();
    const blocked = await blockedConversation();

    await expectRefused(closed, () => claimConversation(closed, ann.id, as(ann)), 'conflict');
    await expectRefused(blocked, () => claimConversation(blocked, ann.id, as(ann)), 'conflict');
  });

  it('refuses a disabled agent with forbidden', async () => {
    const gone = await createAgent({ active: false });
    const { conversation } = await createConversation();

    await expectRefused(
      conversation.id,
      () => claimConversation(conversation.id, gone.id, as(gone)),
      'forbidden',
    );
  });
});

describe('postAgentMessage', () => {
  it('claims an unclaimed conversation and leaves it awaiting the customer', async () => {
    const ann = await createAgent({ name: 'Ann' });
    const { conversation } = await createConversation();
    await customerSays(conversation.id, 'Hi');
    const message = await postAgentMessage(conversation.id, ann.id, 'How can I help?', as(ann));

    expect(message).toMatchObject({ seq: 2, author: 'agent', agentName: 'Ann' });
    const current = await row(conversation.id);
    expect(current).toMatchObject({ status: 'awaiting_customer', assignedAgentId: ann.id });
    expect(current.lastAgentAt).not.toBeNull();
    await expectRecorded(conversation.id, 'conversation.claimed', as(ann));
    const event = await expectEvent(conversation.id, 'message.posted', as(ann));
    expect(event.payload).toMatchObject({
      message: { id: message.id },
      conversation: { status: 'awaiting_customer' },
      statusChanged: true,
    });
  });

  it('refuses a conversation held by someone else, naming the holder', async () => {
    const [ann, bob] = [await createAgent({ name: 'Ann Holder' }), await createAgent()];
    const { conversation } = await createConversation();
    await claimConversation(conversation.id, ann.id, as(ann));
    const attempt = postAgentMessage(conversation.id, bob.id, 'Me too', as(bob));

    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      status: 409,
      message: expect.stringContaining('Ann Holder'),
    });
    expect(await transcript(conversation.id)).toHaveLength(0);
  });

  it('refuses a closed or blocked conversation with conflict', async () => {
    const ann = await createAgent();
    const closed = await closedConversation();
    const blocked = await blockedConversation();

    await expectRefused(closed, () => postAgentMessage(closed, ann.id, 'Hi', as(ann)), 'conflict');
    await expectRefused(
      blocked,
      () => postAgentMessage(blocked, ann.id, 'Hi', as(ann)),
      'conflict',
    );
  });
});

describe('closeConversation', () => {
  it('persists the closing_message template before the status changes', async () => {
    const ann = await createAgent();
    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, ann.id, 'Anything else?', as(ann));
    const view = await closeConversation(conversation.id, as(ann), { agentId: ann.id });

    expect(view.status).toBe('closed');
    expect((await row(conversation.id)).closedAt).not.toBeNull();
    const last = (await transcript(conversation.id)).at(-1)!;
    expect(last).toMatchObject({
      seq: 2,
      author: 'system',
      templateKey: 'closing_message',
      text: DEFAULT_TEMPLATES.closing_message.text,
    });
    const log = await eventsOf(conversation.id);
    const posted = log.findLast((e) => e.type === 'message.posted')!;
    const closed = log.findLast((e) => e.type === 'conversation.closed')!;
    expect(posted.id).toBeLessThan(closed.id);
    expect(posted.payload).toMatchObject({ conversation: { status: 'awaiting_customer' } });
    expect(closed.payload).toMatchObject({ conversation: { status: 'closed' } });
    await expectRecorded(conversation.id, 'conversation.closed', as(ann));
  });

  it("uses the closing agent's own closing message when they have one", async () => {
    const ann = await createAgent({ name: 'Ann', closingMessage: 'Have a great day! — Ann' });
    const { conversation } = await createConversation();
    await closeConversation(conversation.id, as(ann), { agentId: ann.id });

    expect(await transcript(conversation.id)).toMatchObject([
      { author: 'agent', agentId: ann.id, agentName: 'Ann', text: 'Have a great day! — Ann' },
    ]);
    expect((await row(conversation.id)).status).toBe('closed');
  });

  it("uses the template of the conversation's language", async () => {
    await db()
      .insert(messageTemplates)
      .values({ key: 'closing_message', locale: 'fr', text: 'Conversation terminée.' });
    invalidateSettingsCache();
    const { conversation } = await createConversation({ locale: 'fr-CA' });
    await closeConversation(conversation.id, serviceActor);

    expect((await transcript(conversation.id)).map((m) => m.text)).toEqual([
      'Conversation terminée.',
    ]);
  });

  it('uses auto_closed for the idle sweep, even for an agent with a closing message', async () => {
    const ann = await createAgent({ closingMessage: 'Bye!' });
    const { conversation } = await createConversation();
    await claimConversation(conversation.id, ann.id, as(ann));
    await closeConversation(conversation.id, systemActor, {
      agentId: ann.id,
      template: 'auto_closed',
    });

    expect(await transcript(conversation.id)).toMatchObject([
      { author: 'system', templateKey: 'auto_closed', text: DEFAULT_TEMPLATES.auto_closed.text },
    ]);
    const { audit } = await expectRecorded(conversation.id, 'conversation.closed', systemActor);
    expect(audit.meta).toEqual({ template: 'auto_closed' });
  });

  it('refuses a closed or blocked conversation with conflict', async () => {
    const closed = await closedConversation();
    const blocked = await blockedConversation();

    await expectRefused(closed, () => closeConversation(closed, serviceActor), 'conflict');
    await expectRefused(blocked, () => closeConversation(blocked, serviceActor), 'conflict');
  });
});

describe('reopenConversation', () => {
  it('puts a closed conversation back in the unclaimed queue with a system message', async () => {
    const ann = await createAgent();
    const { conversation } = await createConversation();
    await postAgentMessage(conversation.id, ann.id, 'Hi', as(ann));
    await closeConversation(conversation.id, as(ann));
    const view = await reopenConversation(conversation.id, serviceActor);

    expect(view).toMatchObject({ status: 'open_unclaimed', agent: null });
    expect(await row(conversation.id)).toMatchObject({
      status: 'open_unclaimed',
      assignedAgentId: null,
      closedAt: null,
      lastSeq: 3,
    });
    expect((await transcript(conversation.id)).at(-1)).toMatchObject({
      seq: 3,
      author: 'system',
      templateKey: 'conversation_reopened',
      text: DEFAULT_TEMPLATES.conversation_reopened.text,
    });
    const { event } = await expectRecorded(conversation.id, 'conversation.reopened', serviceActor);
    expect(event.payload).toMatchObject({ conversation: { status: 'open_unclaimed' } });
  });

  it('refuses an open or blocked conversation with conflict', async () => {
    const { conversation } = await createConversation();
    const blocked = await blockedConversation();

    await expectRefused(
      conversation.id,
      () => reopenConversation(conversation.id, serviceActor),
      'conflict',
    );
    await expectRefused(blocked, () => reopenConversation(blocked, serviceActor), 'conflict');
  });
});

describe('blockConversation and unblockConversation', () => {
  it('blocks an open conversation, after which the customer may not write', async () => {
    const ann = await createAgent();
    const { conversation } = await createConversation();
    await claimConversation(conversation.id, ann.id, as(ann));
    const view = await blockConversation(conversation.id, as(ann));

    expect(view.status).toBe('blocked');
    expect((await row(conversation.id)).closedAt).not.toBeNull();
    const { audit } = await expectRecorded(conversation.id, 'conversation.blocked', as(ann));
    expect(audit.meta).toEqual({ previousStatus: 'open_assigned' });
    await expect(customerSays(conversation.id, 'Let me in')).rejects.toMatchObject({
      code: 'blocked',
      status: 403,
    });
  });

  it('refuses to block twice', async () => {
    const blocked = await blockedConversation();
    await expectRefused(blocked, () => blockConversation(blocked, serviceActor), 'conflict');
  });

  it('unblocks into closed, after which a customer message reopens it', async () => {
    const blocked = await blockedConversation();
    const view = await unblockConversation(blocked, serviceActor);

    expect(view.status).toBe('closed');
    await expectRecorded(blocked, 'conversation.unblocked', serviceActor);
    await customerSays(blocked, 'Sorry about that');
    expect((await row(blocked)).status).toBe('open_unclaimed');
  });

  it('refuses to unblock a conversation that is not blocked', async () => {
    const { conversation } = await createConversation();
    const closed = await closedConversation();

    await expectRefused(
      conversation.id,
      () => unblockConversation(conversation.id, serviceActor),
      'conflict',
    );
    await expectRefused(closed, () => unblockConversation(closed, serviceActor), 'conflict');
  });
});
