// What a Telegram agent can do, each a call to one service: the commands typed in a topic
// and the header card's buttons share these. They throw AppErrors like every service.

import type { Actor } from '../actor';
import { addNote } from '../conversations/add-note';
import { blockConversation } from '../conversations/block-conversation';
import { claimConversation } from '../conversations/claim-conversation';
import { closeConversation } from '../conversations/close-conversation';
import { reopenConversation } from '../conversations/reopen-conversation';
import { unblockConversation } from '../conversations/unblock-conversation';
import type { AgentRow } from '../db/schema';

export const TOPIC_ACTIONS = ['claim', 'close', 'reopen', 'block', 'unblock'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export const isTopicAction = (name: string): name is TopicAction =>
  (TOPIC_ACTIONS as readonly string[]).includes(name);

/** Runs a lifecycle action; resolves to a short confirmation for a button's answer. */
export async function runTopicAction(
  action: TopicAction,
  conversationId: string,
  agent: AgentRow,
  actor: Actor,
): Promise<string> {
  switch (action) {
    case 'claim':
      await claimConversation(conversationId, agent.id, actor);
      return 'Claimed: it is yours now';
    case 'close':
      await closeConversation(conversationId, actor, { agentId: agent.id });
      return 'Closed';
    case 'reopen':
      await reopenConversation(conversationId, actor);
      return 'Reopened';
    case 'block':
      await blockConversation(conversationId, actor);
      return 'Blocked';
    case 'unblock':
      await unblockConversation(conversationId, actor);
      return 'Unblocked';
  }
}

export async function addTelegramNote(
  conversationId: string,
  agent: AgentRow,
  text: string,
  actor: Actor,
): Promise<void> {
  await addNote(conversationId, agent.id, text, actor);
}
