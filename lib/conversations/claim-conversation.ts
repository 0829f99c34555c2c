// An agent claims a conversation, taking it over from whoever held it.
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import { writeAudit } from '../audit/write-audit';
import type { CustomerConversation } from '../contracts/dto';
import type { Queryable } from '../db/client';
import type { AgentRow, ConversationRow } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { customerView, lockConversation, updateConversation } from './conversation-rows';
import { presentCustomerConversation } from './present';
import { transition } from './status';

/** Assigns a locked, open conversation to `agent`; a no-op if it already holds it. */
export async function claimLocked(
  tx: Queryable,
  conversation: ConversationRow,
  agent: AgentRow,
  actor: Actor,
): Promise<ConversationRow> {
  const status = transition('claim', conversation.status);
  if (conversation.assignedAgentId === agent.id) return conversation;
  const claimed = await updateConversation(tx, conversation.id, {
    assignedAgentId: agent.id,
    status,
    awaitingClaimSince: null,
  });
  const previousAgentId = conversation.assignedAgentId;
  await writeAudit(
    tx,
    actor,
    previousAgentId ? 'conversation.taken_over' : 'conversation.claimed',
    conversation.id,
    {
      agentId: agent.id,
      previousAgentId,
    },
  );
  await recordEvent(tx, 'conversation.claimed', actor, conversation.id, {
    conversation: presentCustomerConversation(claimed, agent),
    previousAgentId,
  });
  return claimed;
}

export async function claimConversation(
  conversationId: string,
  agentId: string,
  actor: Actor,
): Promise<CustomerConversation> {
  return inTransaction(async (tx) => {
    const agent = await requireActiveAgent(tx, agentId);
    const conversation = await lockConversation(tx, conversationId);
    return customerView(tx, await claimLocked(tx, conversation, agent, actor));
  });
}
