// Deleting a message: it keeps its place and seq in the transcript (shown as "Message
// deleted"), its text is wiped and its files are let go (the attachment sweep removes the
// bytes), and every channel is told.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { removeDetachedAttachments } from '../attachments/remove-attachments';
import type { Message } from '../contracts/dto';
import { attachments, messages } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { logger } from '../log';
import { lockChangeableMessage, type MessageEditor, recordMessageChange } from './message-changes';

export async function deleteMessage(
  conversationId: string,
  messageId: string,
  editor: MessageEditor,
  actor: Actor,
): Promise<Message> {
  const { message, hadFiles } = await inTransaction(async (tx) => {
    const now = new Date();
    const { conversation, message } = await lockChangeableMessage(
      tx,
      conversationId,
      messageId,
      editor,
      'delete',
      now,
    );
    const [[updated], released] = await Promise.all([
      tx
        .update(messages)
        .set({ text: '', deletedAt: now })
        .where(eq(messages.id, message.id))
        .returning(),
      tx
        .update(attachments)
        .set({ conversationId: null, messageId: null })
        .where(eq(attachments.messageId, message.id))
        .returning({ id: attachments.id }),
    ]);
    return {
      message: await recordMessageChange(tx, conversation, updated!, 'delete', actor),
      hadFiles: released.length > 0,
    };
  });
  if (hadFiles) {
    // Now rather than at the next sweep; a failure leaves them to the sweep.
    await removeDetachedAttachments().catch((error) =>
      logger().warn({ err: error, messageId }, 'could not remove the files of a deleted message'),
    );
  }
  return message;
}
