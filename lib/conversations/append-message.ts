// Appends one message to a locked conversation: the next gap-free `seq`, the row, and the
// `message.posted` event, together with any status change the caller asks for.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { attachUploads, claimUploads } from '../attachments/attachment-rows';
import { customerViewer, presentAttachment } from '../attachments/present';
import { writeAudit } from '../audit/write-audit';
import type { QuotedMessage } from '../contracts/dto';
import type { Queryable } from '../db/client';
import {
  type AttachmentRow,
  type ConversationRow,
  conversations,
  type MessageRow,
  messages,
} from '../db/schema';
import { afterCommit } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { countMessage } from '../metrics';
import { customerView } from './conversation-rows';
import { presentMessage } from './present';
import { requireQuotable } from './quotes';

export interface NewMessage {
  author: MessageRow['author'];
  text: string;
  agentId?: string | null;
  agentName?: string | null;
  /** The agent's photo as it is now; only presented, the row keeps the agent's id. */
  agentAvatarHash?: string | null;
  clientId?: string | null;
  templateKey?: string | null;
  /** Uploads of this conversation that the message takes, in this order. */
  attachmentIds?: string[];
  /** A message of the same conversation this one quotes (400 otherwise). */
  replyToId?: string | null;
  /** Written in a Telegram topic: the message there, so replies and edits can find it. */
  telegramMessageId?: number | null;
}

export interface AppendedMessage {
  message: MessageRow;
  conversation: ConversationRow;
  attachments: AttachmentRow[];
  /** The message it quotes, as presented. */
  quote: QuotedMessage | undefined;
}

export async function appendMessage(
  tx: Queryable,
  conversation: ConversationRow,
  message: NewMessage,
  actor: Actor,
  changes: Partial<typeof conversations.$inferInsert> = {},
): Promise<AppendedMessage> {
  const uploadIds = message.attachmentIds ?? [];
  const [uploads, quote] = await Promise.all([
    claimUploads(tx, conversation.id, uploadIds),
    message.replyToId ? requireQuotable(tx, conversation.id, message.replyToId) : undefined,
  ]);
  const now = new Date();
  // The caller holds the row lock, so the next `seq` is known without reading it back: the
  // update, the message, its audit entry and the event go out together, in one round trip.
  // Only the agent's name and photo for the customer's view may take one before them.
  const set = {
    ...changes,
    lastSeq: conversation.lastSeq + 1,
    lastActivityAt: now,
    ...(message.author === 'customer' ? { lastCustomerAt: now } : {}),
    ...(message.author === 'agent' ? { lastAgentAt: now } : {}),
    updatedAt: now,
  };
  const updated: ConversationRow = { ...conversation, ...set };
  const row: MessageRow = {
    id: randomUUID(),
    conversationId: conversation.id,
    seq: updated.lastSeq,
    author: message.author,
    agentId: message.agentId ?? null,
    agentName: message.agentName ?? null,
    text: message.text,
    clientId: message.clientId ?? null,
    templateKey: message.templateKey ?? null,
    telegramMessageId: message.telegramMessageId ?? null,
    replyToId: message.replyToId ?? null,
    editedAt: null,
    deletedAt: null,
    createdAt: now,
  };
  const view = await customerView(tx, updated);
  const statusChanged = updated.status !== conversation.status;
  // The event carries the links signed for the customer; agents' channels re-sign them.
  const files = uploads.map((file) =>
    presentAttachment(file, conversation.id, customerViewer(updated)),
  );
  // The first failure is the one that matters (the update comes first): the later ones only
  // report that the transaction is aborted.
  const results = await Promise.allSettled([
    tx
      .update(conversations)
      .set(set)
      .where(
        and(eq(conversations.id, conversation.id), eq(conversations.lastSeq, conversation.lastSeq)),
      )
      .returning({ lastSeq: conversations.lastSeq }),
    tx.insert(messages).values(row),
    uploads.length ? attachUploads(tx, { messageId: row.id }, uploadIds) : undefined,
    statusChanged
      ? writeAudit(tx, actor, 'conversation.status_changed', conversation.id, {
          from: conversation.status,
          to: updated.status,
          messageId: row.id,
        })
      : undefined,
    recordEvent(tx, 'message.posted', actor, conversation.id, {
      conversation: view,
      message: presentMessage(row, files, {
        replyTo: quote,
        agentAvatarHash: message.agentAvatarHash,
      }),
      authorAgentId: row.agentId,
      statusChanged,
    }),
  ]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [seqUpdate] = results;
  if (seqUpdate.status === 'fulfilled' && seqUpdate.value.length === 0) {
    // Unreachable while callers hold the lock on a current row; never a wrong seq if not.
    throw new Error(`appendMessage was given a stale row of conversation ${conversation.id}`);
  }
  afterCommit(tx, () => countMessage(row.author, actor));
  return { message: row, conversation: updated, attachments: uploads, quote };
}
