// Reading and locking conversation rows, and the few lookups every use case needs.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CustomerConversation } from '../contracts/dto';
import type { Queryable } from '../db/client';
import { agents, type ConversationRow, conversations, messages } from '../db/schema';
import { notFound } from '../errors';
import { presentCustomerConversation } from './present';

/** Locks the conversation row for the rest of the transaction. */
export async function lockConversation(tx: Queryable, id: string): Promise<ConversationRow> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  if (!row) throw notFound('Conversation');
  return row;
}

/** Locks these conversations in one statement, in the order given (callers sort them). */
export async function lockConversations(tx: Queryable, ids: string[]): Promise<void> {
  await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(inArray(conversations.id, ids))
    .orderBy(conversations.id)
    .for('update');
}

export async function getConversation(tx: Queryable, id: string): Promise<ConversationRow> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id));
  if (!row) throw notFound('Conversation');
  return row;
}

export async function getAgentName(tx: Queryable, agentId: string | null): Promise<string | null> {
  if (!agentId) return null;
  const [row] = await tx.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId));
  return row?.name ?? null;
}

export async function customerView(
  tx: Queryable,
  row: ConversationRow,
): Promise<CustomerConversation> {
  const [agent] = row.assignedAgentId
    ? await tx
        .select({ name: agents.name, avatarHash: agents.avatarHash })
        .from(agents)
        .where(eq(agents.id, row.assignedAgentId))
    : [];
  return presentCustomerConversation(row, agent ?? null);
}

export async function updateConversation(
  tx: Queryable,
  id: string,
  changes: Partial<typeof conversations.$inferInsert>,
): Promise<ConversationRow> {
  const [row] = await tx
    .update(conversations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(conversations.id, id))
    .returning();
  return row!;
}

export async function findMessageByClientId(
  tx: Queryable,
  conversationId: string,
  clientId: string,
) {
  const [row] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.clientId, clientId)));
  return row;
}

export async function getLastMessage(tx: Queryable, conversationId: string) {
  const [row] = await tx
    .select({
      author: messages.author,
      text: messages.text,
      createdAt: messages.createdAt,
      deletedAt: messages.deletedAt,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.seq))
    .limit(1);
  return row ?? null;
}
