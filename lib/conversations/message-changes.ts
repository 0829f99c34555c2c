// Who may change a message already sent, and the shared steps of an edit or a deletion:
// lock, load, check the rule, and present the new version to the customer and to agents.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import { agentsViewer, customerViewer } from '../attachments/present';
import { writeAudit } from '../audit/write-audit';
import type { Message } from '../contracts/dto';
import { MESSAGE_EDIT_WINDOW_SECONDS } from '../contracts/message-content';
import type { Queryable } from '../db/client';
import { type AgentRow, type ConversationRow, type MessageRow, messages } from '../db/schema';
import { AppError, conflict, notFound } from '../errors';
import { recordEvent } from '../events/record-event';
import { lockConversation } from './conversation-rows';
import { presentMessageRows } from './present-messages';

/** Who changes the message: an agent (by id), or the admin API's service or API token. */
export type MessageEditor = { agentId: string } | { service: true };

export type MessageChange = 'edit' | 'delete';

const WINDOW_MINUTES = MESSAGE_EDIT_WINDOW_SECONDS / 60;

/**
 * Agents edit and delete their own messages for a while after sending them; admins (and
 * the admin API's tokens) may also delete any message at any time — a customer who pasted
 * a card number, say — but edit only their own words. Null when allowed, else why not.
 */
export function canChangeMessage(
  message: Pick<MessageRow, 'author' | 'agentId' | 'createdAt' | 'deletedAt'>,
  editor: { agent: AgentRow | null },
  change: MessageChange,
  now: Date,
): AppError | null {
  if (message.deletedAt) return conflict('This message was deleted');
  const isAdmin = editor.agent === null || editor.agent.role === 'admin';
  if (change === 'delete' && isAdmin) return null;
  const own = message.author === 'agent' && editor.agent && message.agentId === editor.agent.id;
  if (!own) {
    return new AppError(
      'forbidden',
      change === 'edit'
        ? 'You can edit only your own messages'
        : 'You can delete only your own messages',
    );
  }
  if (now.getTime() - message.createdAt.getTime() > MESSAGE_EDIT_WINDOW_SECONDS * 1000) {
    return conflict(`Messages can be changed for ${WINDOW_MINUTES} minutes after they are sent`);
  }
  return null;
}

export interface LockedMessage {
  conversation: ConversationRow;
  message: MessageRow;
  agent: AgentRow | null;
}

/** Locks the conversation, reads the message and checks that `editor` may make the change. */
export async function lockChangeableMessage(
  tx: Queryable,
  conversationId: string,
  messageId: string,
  editor: MessageEditor,
  change: MessageChange,
  now: Date,
): Promise<LockedMessage> {
  const [conversation, agent] = await Promise.all([
    lockConversation(tx, conversationId),
    'agentId' in editor ? requireActiveAgent(tx, editor.agentId) : null,
  ]);
  const [message] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.conversationId, conversationId)));
  if (!message) throw notFound('Message');
  const refusal = canChangeMessage(message, { agent }, change, now);
  if (refusal) throw refusal;
  return { conversation, message, agent };
}

/** Records the change (audit entry and event) and presents the new version for agents. */
export async function recordMessageChange(
  tx: Queryable,
  conversation: ConversationRow,
  row: MessageRow,
  change: MessageChange,
  actor: Actor,
): Promise<Message> {
  const [forCustomer] = await presentMessageRows(tx, [row], customerViewer(conversation));
  const type = change === 'edit' ? 'message.edited' : 'message.deleted';
  await Promise.all([
    writeAudit(tx, actor, type, conversation.id, {
      messageId: row.id,
      seq: row.seq,
      author: row.author,
    }),
    recordEvent(tx, type, actor, conversation.id, {
      message: forCustomer!,
      authorAgentId: row.agentId,
    }),
  ]);
  const [forAgents] = await presentMessageRows(tx, [row], agentsViewer);
  return forAgents!;
}
