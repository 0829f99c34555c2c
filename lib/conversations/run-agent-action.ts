// The one runner of the agent actions of the state machine (claim, close, reopen, block,
// unblock): the agent and admin REST routes, the inbox socket and Telegram all call it, so
// an action does the same thing whichever surface it came from.
import type { Actor } from '../actor';
import type { ConversationAction } from '../contracts/conversation-state';
import type { CustomerConversation } from '../contracts/dto';
import { AppError } from '../errors';
import { blockConversation } from './block-conversation';
import { claimConversation } from './claim-conversation';
import { closeConversation } from './close-conversation';
import { reopenConversation } from './reopen-conversation';
import { unblockConversation } from './unblock-conversation';

export interface AgentActionInput {
  /**
   * The agent acting: the one who takes the conversation for `claim` (required), and for
   * `close` the one whose own closing message, when they have one, is the last word.
   */
  agentId?: string;
}

/** Runs `action`, or throws the 409 of the transition table when its status refuses it. */
export async function runAgentAction(
  actor: Actor,
  conversationId: string,
  action: ConversationAction,
  input: AgentActionInput = {},
): Promise<CustomerConversation> {
  switch (action) {
    case 'claim':
      if (!input.agentId) throw new AppError('invalid_request', 'Claiming needs an agent');
      return claimConversation(conversationId, input.agentId, actor);
    case 'close':
      return closeConversation(conversationId, actor, { agentId: input.agentId });
    case 'reopen':
      return reopenConversation(conversationId, actor);
    case 'block':
      return blockConversation(conversationId, actor);
    case 'unblock':
      return unblockConversation(conversationId, actor);
  }
}
