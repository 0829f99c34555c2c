// An agent corrects a message they sent: the text changes in place (same id and seq), the
// message is marked edited, and every channel gets the new version.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { listMessageAttachments } from '../attachments/attachment-rows';
import { agentsViewer } from '../attachments/present';
import type { Message } from '../contracts/dto';
import { messages } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { lockChangeableMessage, type MessageEditor, recordMessageChange } from './message-changes';
import { presentMessageRows } from './present-messages';

export async function editMessage(
  conversationId: string,
  messageId: string,
  editor: MessageEditor,
  text: string,
  actor: Actor,
): Promise<Message> {
  return inTransaction(async (tx) => {
    const now = new Date();
    const { conversation, message } = await lockChangeableMessage(
      tx,
      conversationId,
      messageId,
      editor,
      'edit',
      now,
    );
    if (text === message.text) {
      // Nothing changed: no event, no "edited" mark.
      const [current] = await presentMessageRows(tx, [message], agentsViewer);
      return current!;
    }
    if (text === '') {
      const files = await listMessageAttachments(tx, [message.id]);
      if (!files.get(message.id)?.length) throw new AppError('invalid_request', 'Text is empty');
    }
    const [updated] = await tx
      .update(messages)
      .set({ text, editedAt: now })
      .where(eq(messages.id, message.id))
      .returning();
    return recordMessageChange(tx, conversation, updated!, 'edit', actor);
  });
}
