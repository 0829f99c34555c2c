// What the widget restores: the conversation and its transcript, or the part after `after`
// with the earlier messages that were edited or deleted since.
import { and, asc, eq, gt, isNotNull, lte, or } from 'drizzle-orm';
import { customerViewer } from '../attachments/present';
import type { ConversationHistoryResponse } from '../contracts/dto';
import { db } from '../db/client';
import { messages } from '../db/schema';
import { customerView, getConversation } from './conversation-rows';
import { presentMessageRows } from './present-messages';
import { getTemplate } from './system-messages';

export async function getCustomerHistory(
  conversationId: string,
  after?: number,
): Promise<ConversationHistoryResponse> {
  const database = db();
  const conversation = await getConversation(database, conversationId);
  const rows = await database
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        after === undefined ? undefined : gt(messages.seq, after),
      ),
    )
    .orderBy(asc(messages.seq));
  const viewer = customerViewer(conversation);
  const history: ConversationHistoryResponse = {
    conversation: await customerView(database, conversation),
    messages: await presentMessageRows(database, rows, viewer),
  };
  if (after !== undefined) {
    // What changed behind the client's cursor while it was away (edits are rare).
    const changed = await database
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          lte(messages.seq, after),
          or(isNotNull(messages.editedAt), isNotNull(messages.deletedAt)),
        ),
      )
      .orderBy(asc(messages.seq));
    history.updated = await presentMessageRows(database, changed, viewer);
  }
  if (conversation.status === 'closed') {
    history.closedNote = (
      await getTemplate(database, 'closed_history_note', conversation.locale)
    ).text;
  }
  return history;
}
