// An agent replies. Replying in an unclaimed conversation claims it; replying in one that
// someone else holds is refused, so two agents never answer at once.
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import { agentsViewer, presentAttachment } from '../attachments/present';
import type { Message } from '../contracts/dto';
import type { MessageContent } from '../contracts/message-content';
import { inTransaction } from '../db/transaction';
import { conflict } from '../errors';
import { appendMessage } from './append-message';
import { claimLocked } from './claim-conversation';
import { getAgentName, lockConversation } from './conversation-rows';
import { presentMessage } from './present';
import { assertOpen } from './status';

/** Where a reply written in Telegram lives there. */
export interface TelegramOrigin {
  telegramMessageId?: number;
}

/** `content` is the text alone, or the text, the uploads and the quote to send with it. */
export async function postAgentMessage(
  conversationId: string,
  agentId: string,
  content: string | (MessageContent & TelegramOrigin),
  actor: Actor,
): Promise<Message> {
  const { text, attachmentIds, replyToId, telegramMessageId } =
    typeof content === 'string' ? { text: content } : content;
  const { message, attachments, quote, avatarHash } = await inTransaction(async (tx) => {
    const agent = await requireActiveAgent(tx, agentId);
    let conversation = await lockConversation(tx, conversationId);
    assertOpen(conversation.status, 'reply in');
    if (conversation.assignedAgentId && conversation.assignedAgentId !== agent.id) {
      const holder = await getAgentName(tx, conversation.assignedAgentId);
      throw conflict(`Claimed by ${holder ?? 'another agent'}; take it over to reply`);
    }
    conversation = await claimLocked(tx, conversation, agent, actor);
    const appended = await appendMessage(
      tx,
      conversation,
      {
        author: 'agent',
        text,
        agentId: agent.id,
        agentName: agent.name,
        agentAvatarHash: agent.avatarHash,
        attachmentIds,
        replyToId,
        telegramMessageId,
      },
      actor,
      { status: 'awaiting_customer' },
    );
    return { ...appended, avatarHash: agent.avatarHash };
  });
  return presentMessage(
    message,
    attachments.map((file) => presentAttachment(file, conversationId, agentsViewer)),
    { replyTo: quote, forAgents: true, agentAvatarHash: avatarHash },
  );
}
