// What a Telegram agent can do, each a call to one service: the commands typed in a topic
// and the header card's buttons share these. They throw AppErrors like every service.

import type { Actor } from '../actor';
import {
  ACTION_LABELS,
  CONVERSATION_ACTIONS,
  type ConversationAction,
  isConversationAction,
} from '../contracts/conversation-state';
import { addNote } from '../conversations/add-note';
import { runAgentAction } from '../conversations/run-agent-action';
import type { AgentRow } from '../db/schema';

/** Every agent action of the state machine is also a topic command and a header button. */
export const TOPIC_ACTIONS = CONVERSATION_ACTIONS;
export type TopicAction = ConversationAction;

export const isTopicAction = isConversationAction;

/** Runs a lifecycle action; resolves to a short confirmation for a button's answer. */
export async function runTopicAction(
  action: TopicAction,
  conversationId: string,
  agent: AgentRow,
  actor: Actor,
): Promise<string> {
  await runAgentAction(actor, conversationId, action, { agentId: agent.id });
  return ACTION_LABELS[action].done;
}

export async function addTelegramNote(
  conversationId: string,
  agent: AgentRow,
  text: string,
  actor: Actor,
): Promise<void> {
  await addNote(conversationId, agent.id, text, actor);
}
