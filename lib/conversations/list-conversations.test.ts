import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createAgent,
  createConversation,
  createDepartment,
  nextClientId,
} from '../../test/factories';
import { serviceActor } from '../actor';
import { listConversationsQuerySchema } from '../contracts/admin';
import { db } from '../db/client';
import { conversations } from '../db/schema';
import { blockConversation } from './block-conversation';
import { claimConversation } from './claim-conversation';
import { closeConversation } from './close-conversation';
import { listConversations } from './list-conversations';
import { postAgentMessage } from './post-agent-message';
import { postCustomerMessage } from './post-customer-message';

/** Lists through the contract schema, so defaults apply exactly as they do at the edge. */
const list = (query: Record<string, unknown>) =>
  listConversations(listConversationsQuerySchema.parse(query));

const idsOf = async (query: Record<string, unknown>) =>
  (await list(query)).conversations.map((c) => c.id);

const say = (id: string, text: string) =>
  postCustomerMessage(id, { text, clientId: nextClientId() });

async function startIn(departmentId: string, name?: string) {
  const { conversation } = await createConversation({ departmentId, name });
  return conversation.id;
}

/** Walks every page of `query` with `limit`, returning the pages' ids. */
async function walk(query: Record<string, unknown>, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.conversations.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('listConversations', () => {
  it('filters by status, with open as the default', async () => {
    const department = await createDepartment();
    const agent = await createAgent();
    const asAgent = { type: 'agent', agentId: agent.id } as const;
    const [unclaimed, assigned, awaiting, closed, blocked] = await Promise.all(
      Array.from({ length: 5 }, () => startIn(department.id)),
    );
    await claimConversation(assigned!, agent.id, asAgent);
    await postAgentMessage(awaiting!, agent.id, 'On it', asAgent);
    await closeConversation(closed!, serviceActor);
    await blockConversation(blocked!, serviceActor);
    const ids = async (status?: string) =>
      (await idsOf({ departmentId: department.id, ...(status ? { status } : {}) })).sort();

    expect(await ids('unclaimed')).toEqual([unclaimed]);
    expect(await ids('assigned')).toEqual([assigned]);
    expect(await ids('awaiting')).toEqual([awaiting]);
    expect(await ids('closed')).toEqual([closed]);
    expect(await ids('blocked')).toEqual([blocked]);
    expect(await ids('open')).toEqual([unclaimed, assigned, awaiting].sort());
    expect(await ids()).toEqual([unclaimed, assigned, awaiting].sort());
    expect(await ids('all')).toEqual([unclaimed, assigned, awaiting, closed, blocked].sort());
  });

  it('filters by department', async () => {
    const [sales, billing] = [await createDepartment(), await createDepartment()];
    const inSales = await startIn(sales.id);
    await startIn(billing.id);

    expect(await idsOf({ departmentId: sales.id })).toEqual([inSales]);
  });

  it('presents each conversation with its assignee and last message', async () => {
    const department = await createDepartment();
    const agent = await createAgent({ name: 'Ann' });
    const id = await startIn(department.id, 'Maria');
    await say(id, 'Where is my parcel?');
    await postAgentMessage(id, agent.id, 'Let me check', { type: 'agent', agentId: agent.id });

    const [item] = (await list({ departmentId: department.id })).conversations;
    expect(item).toMatchObject({
      id,
      status: 'awaiting_customer',
      name: 'Maria',
      departmentId: department.id,
      assignee: { id: agent.id, name: 'Ann', email: agent.email, role: 'agent' },
      lastSeq: 2,
      lastMessage: { author: 'agent', text: 'Let me check' },
    });
  });

  it('matches q against the codename, the customer name and message text', async () => {
    const department = await createDepartment();
    const byName = await startIn(department.id, 'Quentin Zebulon');
    const byText = await startIn(department.id);
    await say(byText, 'My xylophone order never arrived');
    const byCodename = await startIn(department.id);
    const [{ codename }] = (await db()
      .select({ codename: conversations.codename })
      .from(conversations)
      .where(eq(conversations.id, byCodename))) as [{ codename: string }];
    const search = (q: string) => idsOf({ departmentId: department.id, status: 'all', q });

    expect(await search('zebulon')).toEqual([byName]);
    expect(await search('XYLOPHONE')).toEqual([byText]);
    expect(await search(codename)).toEqual([byCodename]);
    expect(await search('nothing like this')).toEqual([]);
  });

  it('takes % and _ in q literally', async () => {
    const department = await createDepartment();
    const percent = await startIn(department.id);
    await say(percent, 'Is the 50% discount still on?');
    const digits = await startIn(department.id);
    await say(digits, 'I paid 500 euros');
    const underscore = await startIn(department.id);
    await say(underscore, 'My login is jo_doe');
    const letter = await startIn(department.id);
    await say(letter, 'My login is joxdoe');
    const search = (q: string) => idsOf({ departmentId: department.id, q });

    expect(await search('50%')).toEqual([percent]);
    expect(await search('jo_d')).toEqual([underscore]);
  });

  it('puts the newest activity first', async () => {
    const department = await createDepartment();
    const first = await startIn(department.id);
    const second = await startIn(department.id);
    const third = await startIn(department.id);
    await say(first, 'Bumping this one to the top');

    expect(await idsOf({ departmentId: department.id })).toEqual([first, third, second]);
  });

  it('walks every row exactly once across pages, in the same order as one page', async () => {
    const department = await createDepartment();
    const ids = await Promise.all(Array.from({ length: 7 }, () => startIn(department.id)));
    // Ties and neighbours within one millisecond: the cursor must keep microseconds and id.
    await db()
      .update(conversations)
      .set({
        lastActivityAt: sql`'2031-01-01T00:00:00.000001Z'::timestamptz + (case when ${conversations.id} in (${sql.join(
          ids.slice(0, 3).map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) then interval '0' else interval '1 microsecond' end)`,
      })
      .where(inArray(conversations.id, ids));
    const whole = await idsOf({ departmentId: department.id, limit: 50 });
    const pages = await walk({ departmentId: department.id }, 3);

    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(whole);
    expect([...whole].sort()).toEqual([...ids].sort());
  });

  it('answers nextCursor null when everything fits', async () => {
    const department = await createDepartment();
    await startIn(department.id);
    await startIn(department.id);

    expect(await list({ departmentId: department.id, limit: 2 })).toMatchObject({
      nextCursor: null,
    });
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a non-cursor JSON', Buffer.from('{"a":1}').toString('base64url')],
    [
      'an impossible date',
      Buffer.from(
        '["2024-02-30T25:61:00.000000Z","00000000-0000-4000-8000-000000000000"]',
      ).toString('base64url'),
    ],
    [
      'the year 0',
      Buffer.from(
        '["0000-01-01T00:00:00.000000Z","00000000-0000-4000-8000-000000000000"]',
      ).toString('base64url'),
    ],
    [
      'an id that is no uuid',
      Buffer.from(`["2024-01-01T00:00:00.000000Z","${'-'.repeat(36)}"]`).toString('base64url'),
    ],
  ])('refuses %s as cursor with invalid_request', async (_, cursor) => {
    await expect(list({ cursor })).rejects.toMatchObject({ code: 'invalid_request', status: 400 });
  });
});
