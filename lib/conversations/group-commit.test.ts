// Group commit: customer messages that arrive together are written in one transaction, and
// each still gets exactly what it would have had alone.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../test/factories';
import { serviceActor } from '../actor';
import { db, rowsOf } from '../db/client';
import { conversations, events, messages, rateLimits } from '../db/schema';
import { AppError } from '../errors';
import { blockConversation } from './block-conversation';
import { closeConversation } from './close-conversation';
import { postCustomerMessage } from './post-customer-message';

const post = (conversationId: string, text: string, clientId: string = randomUUID()) =>
  postCustomerMessage(conversationId, { text, clientId });

const refusal = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' && result.reason instanceof AppError ? result.reason.code : null;

const transcript = (conversationId: string) =>
  db()
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.seq));

describe('messages that arrive together', () => {
  it('share one transaction, each by its own rules', async () => {
    const { conversation: first } = await createConversation();
    const { conversation: second } = await createConversation();
    const { conversation: blocked } = await createConversation();
    await blockConversation(blocked.id, serviceActor);
    const { conversation: closed } = await createConversation();
    await post(closed.id, 'Before it was closed');
    await closeConversation(closed.id, serviceActor);
    const { conversation: earlier } = await createConversation();
    const stored = await post(earlier.id, 'Sent once', 'sent-once');
    const { conversation: limited } = await createConversation();
    // Its rate limit is spent for this minute.
    await db()
      .insert(rateLimits)
      .values({
        key: `messages:${limited.id}`,
        points: 100_000,
        expire: new Date(Date.now() + 60_000),
      });

    // Sent in one tick: one batch.
    const results = await Promise.allSettled([
      post(first.id, 'First, one'),
      post(first.id, 'First, two'),
      post(second.id, 'Second, one', 'twice'),
      post(first.id, 'First, three'),
      post(earlier.id, 'Sent once, again', 'sent-once'),
      post(second.id, 'Second, one again', 'twice'),
      post(blocked.id, 'Let me in'),
      post(closed.id, 'Back again'),
      post(randomUUID(), 'Nobody there'),
      post(limited.id, 'Too many'),
    ]);

    expect(results.map(refusal)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'blocked',
      null,
      'not_found',
      'rate_limited',
    ]);
    const posted = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(posted.map((p) => p?.created ?? null)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      null,
      true,
      null,
      null,
    ]);
    // Sent again: the stored message, also within the batch.
    expect(posted[4]!.message.id).toBe(stored.message.id);
    expect(posted[5]!.message.id).toBe(posted[2]!.message.id);

    // One transaction wrote every new message.
    const created = posted.filter((p) => p?.created).map((p) => p!.message.id);
    const writers = rowsOf<{ xmin: string }>(
      await db().execute(
        sql`select distinct xmin::text as xmin from messages where id in (${sql.join(
          created.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
    expect(writers).toHaveLength(1);

    // Gap-free seq per conversation, in the order sent; each message has its event.
    const firstTexts = (await transcript(first.id)).filter((m) => m.author === 'customer');
    expect(firstTexts.map((m) => m.text)).toEqual(['First, one', 'First, two', 'First, three']);
    for (const id of [first.id, second.id, closed.id]) {
      const seqs = (await transcript(id)).map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    const postedEvents = await db()
      .select({ payload: events.payload })
      .from(events)
      .where(
        and(
          eq(events.type, 'message.posted'),
          inArray(events.conversationId, [first.id, second.id, closed.id]),
        ),
      );
    const eventMessageIds = postedEvents.map(
      (e) => (e.payload as { message: { id: string } }).message.id,
    );
    for (const id of created) expect(eventMessageIds.filter((m) => m === id)).toHaveLength(1);

    // The closed conversation reopened for its message; the blocked one took nothing.
    const [reopened] = await db()
      .select()
      .from(conversations)
      .where(eq(conversations.id, closed.id));
    expect(reopened!.status).toBe('open_unclaimed');
    expect((await transcript(closed.id)).some((m) => m.text === 'Back again')).toBe(true);
    expect((await transcript(blocked.id)).some((m) => m.text === 'Let me in')).toBe(false);
  });

  it('writes each again on its own when the shared transaction fails', async () => {
    const { conversation } = await createConversation();
    // A conversation id PostgreSQL cannot read fails the batch's lock statement: the other
    // messages are written again alone, and only the broken one is refused.
    const results = await Promise.allSettled([
      post(conversation.id, 'Still delivered'),
      post('not-a-uuid', 'Broken'),
      post(conversation.id, 'Also delivered'),
    ]);
    expect(results[0]!.status).toBe('fulfilled');
    expect(results[1]!.status).toBe('rejected');
    expect(results[2]!.status).toBe('fulfilled');
    const texts = (await transcript(conversation.id)).map((m) => m.text);
    expect(texts.filter((t) => t.endsWith('delivered'))).toEqual([
      'Still delivered',
      'Also delivered',
    ]);
  });
});
