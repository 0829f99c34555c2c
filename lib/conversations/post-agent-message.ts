// An agent replies. Replying in an unclaimed conversation claims it; replying in one that
// someone else holds is refused, so two agents never answer at once.
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import type { Message } from '../contracts/dto';
import { inTransaction } from '../db/transaction';
import { conflict } from '../errors';
import { appendMessage } from './append-message';
import { claimLocked } from './claim-conversation';
import { getAgentName, lockConversation } from './conversation-rows';
import { presentMessage } from './present';
import { assertOpen } from './status';

export async function postAgentMessage(
  conversationId: string,
  agentId: string,
  text: string,
  actor: Actor,
): Promise<Message> {
  const row = await inTransaction(async (tx) => {
    const agent = await requireActiveAgent(tx, agentId);
    let conversation = await lockConversation(tx, conversationId);
    assertOpen(conversation.status, 'reply in');
    if (conversation.assignedAgentId && conversation.assignedAgentId !== agent.id) {
      const holder = await getAgentName(tx, conversation.assignedAgentId);
      throw conflict(`Claimed by ${holder ?? 'another agent'}; take it over to reply`);
    }
    conversation = await claimLocked(tx, conversation, agent, actor);
    const { message } = await appendMessage(
      tx,
      conversation,
      { author: 'agent', text, agentId: agent.id, agentName: agent.name },
      actor,
      { status: 'awaiting_customer' },
    );
    return message;
  });
  return presentMessage(row);
}
