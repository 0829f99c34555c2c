// The inbox list for one agent: a view (Unclaimed, Mine, All open, Closed, Blocked) over
// the keyset-paged conversation list, with this agent's unread markers.
import { and, eq, inArray } from 'drizzle-orm';
import type { ListStatusFilter } from '../contracts/admin';
import type { InboxConversation, InboxPage, InboxQuery, InboxView } from '../contracts/agent';
import type { AgentConversation } from '../contracts/dto';
import { listConversations, presentMany } from '../conversations/list-conversations';
import { db } from '../db/client';
import { agentReads, conversations } from '../db/schema';
import { notFound } from '../errors';

const VIEW_FILTER: Record<InboxView, ListStatusFilter> = {
  unclaimed: 'unclaimed',
  mine: 'open',
  open: 'open',
  closed: 'closed',
  blocked: 'blocked',
};

/** Adds the agent's read state to presented conversations. */
export async function withReadState(
  agentId: string,
  list: AgentConversation[],
): Promise<InboxConversation[]> {
  if (list.length === 0) return [];
  const reads = await db()
    .select({ conversationId: agentReads.conversationId, seq: agentReads.lastReadSeq })
    .from(agentReads)
    .where(
      and(
        eq(agentReads.agentId, agentId),
        inArray(
          agentReads.conversationId,
          list.map((c) => c.id),
        ),
      ),
    );
  const bySeq = new Map(reads.map((r) => [r.conversationId, r.seq]));
  return list.map((conversation) => {
    const lastReadSeq = bySeq.get(conversation.id) ?? 0;
    return { ...conversation, lastReadSeq, unread: conversation.lastSeq > lastReadSeq };
  });
}

export async function listInbox(agentId: string, query: InboxQuery): Promise<InboxPage> {
  const page = await listConversations(
    {
      status: VIEW_FILTER[query.view],
      q: query.q || undefined,
      departmentId: query.departmentId,
      cursor: query.cursor,
      limit: query.limit,
    },
    query.view === 'mine' ? { assignedAgentId: agentId } : {},
  );
  return {
    conversations: await withReadState(agentId, page.conversations),
    nextCursor: page.nextCursor,
  };
}

export async function getInboxConversation(
  agentId: string,
  conversationId: string,
): Promise<InboxConversation> {
  const database = db();
  const [row] = await database
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) throw notFound('Conversation');
  const [one] = await withReadState(agentId, await presentMany(database, [row]));
  return one!;
}
