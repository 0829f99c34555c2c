// Appends one message to a locked conversation: the next gap-free `seq`, the row, and the
// `message.posted` event, together with any status change the caller asks for.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Queryable } from '../db/client';
import { type ConversationRow, conversations, type MessageRow, messages } from '../db/schema';
import { recordEvent } from '../events/record-event';
import { customerView, updateConversation } from './conversation-rows';
import { presentMessage } from './present';

export interface NewMessage {
  author: MessageRow['author'];
  text: string;
  agentId?: string | null;
  agentName?: string | null;
  clientId?: string | null;
  templateKey?: string | null;
}

export async function appendMessage(
  tx: Queryable,
  conversation: ConversationRow,
  message: NewMessage,
  actor: Actor,
  changes: Partial<typeof conversations.$inferInsert> = {},
): Promise<{ message: MessageRow; conversation: ConversationRow }> {
  const now = new Date();
  const updated = await updateConversation(tx, conversation.id, {
    ...changes,
    lastSeq: sql`${conversations.lastSeq} + 1` as unknown as number,
    lastActivityAt: now,
    ...(message.author === 'customer' ? { lastCustomerAt: now } : {}),
    ...(message.author === 'agent' ? { lastAgentAt: now } : {}),
  });
  const [row] = await tx
    .insert(messages)
    .values({
      conversationId: conversation.id,
      seq: updated.lastSeq,
      author: message.author,
      agentId: message.agentId ?? null,
      agentName: message.agentName ?? null,
      text: message.text,
      clientId: message.clientId ?? null,
      templateKey: message.templateKey ?? null,
      createdAt: now,
    })
    .returning();
  await recordEvent(tx, 'message.posted', actor, conversation.id, {
    conversation: await customerView(tx, updated),
    message: presentMessage(row!),
    statusChanged: updated.status !== conversation.status,
  });
  return { message: row!, conversation: updated };
}
