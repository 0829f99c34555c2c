// Removing an agent from the team for good. Their open conversations go back to the
// unclaimed queue, their closed ones simply lose the assignee; the history stays as written
// (messages keep `agent_name`, notes `author_name`). Their sessions and sockets end with the
// `agent.updated` event, as when an agent is disabled.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { OPEN_STATUSES } from '../contracts/conversation-state';
import { presentCustomerConversation } from '../conversations/present';
import type { Queryable } from '../db/client';
import { agents, conversations } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { assertAnotherActiveAdmin, isSelf } from './admin-guard';

/** Puts the agent's open conversations back in the unclaimed queue; returns their ids. */
async function returnToQueue(tx: Queryable, agentId: string, actor: Actor): Promise<string[]> {
  const open = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.assignedAgentId, agentId),
        inArray(conversations.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(asc(conversations.id))
    .for('update');
  const now = new Date();
  for (const conversation of open) {
    const [row] = await tx
      .update(conversations)
      .set({
        status: 'open_unclaimed',
        assignedAgentId: null,
        // A customer still waiting for an answer is waiting to be claimed again, and the
        // unclaimed reminders start over; one waiting on the customer is not.
        awaitingClaimSince: conversation.status === 'open_assigned' ? now : null,
        reminderLevel: 0,
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id))
      .returning();
    await writeAudit(tx, actor, 'conversation.unassigned', conversation.id, { agentId });
    await recordEvent(tx, 'conversation.unassigned', actor, conversation.id, {
      conversation: presentCustomerConversation(row!, null),
      previousAgentId: agentId,
    });
  }
  return open.map((conversation) => conversation.id);
}

export async function deleteAgent(
  agentId: string,
  actor: Actor,
): Promise<{ unassignedConversations: number }> {
  return inTransaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(eq(agents.id, agentId)).for('update');
    if (!agent) throw notFound('Agent');
    if (isSelf(actor, agentId)) throw conflict('You cannot delete yourself');
    if (agent.role === 'admin' && agent.active) await assertAnotherActiveAdmin(tx, agentId);

    const unassigned = await returnToQueue(tx, agentId, actor);
    // Closed and blocked conversations keep their transcript; only the assignee goes.
    await tx
      .update(conversations)
      .set({ assignedAgentId: null })
      .where(eq(conversations.assignedAgentId, agentId));
    await tx.delete(agents).where(eq(agents.id, agentId));

    await writeAudit(tx, actor, 'agent.deleted', null, {
      agentId,
      name: agent.name,
      email: agent.email,
      role: agent.role,
      unassignedConversations: unassigned.length,
    });
    await recordEvent(tx, 'agent.updated', actor, null, { agentId, active: false });
    return { unassignedConversations: unassigned.length };
  });
}
