// A private note for agents: a `notes` row, never a message, so the customer never sees it
// and the customer's `seq` has no holes. Files uploaded to the conversation may go with it;
// their links are signed for agents only.
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import { attachUploads, claimUploads } from '../attachments/attachment-rows';
import { agentsViewer, presentAttachment } from '../attachments/present';
import { writeAudit } from '../audit/write-audit';
import type { Note } from '../contracts/dto';
import type { MessageContent } from '../contracts/message-content';
import { notes } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { lockConversation } from './conversation-rows';
import { presentNote } from './present';

export async function addNote(
  conversationId: string,
  agentId: string,
  content: string | MessageContent,
  actor: Actor,
): Promise<Note> {
  const { text, attachmentIds = [] } = typeof content === 'string' ? { text: content } : content;
  return inTransaction(async (tx) => {
    const agent = await requireActiveAgent(tx, agentId);
    await lockConversation(tx, conversationId);
    const uploads = await claimUploads(tx, conversationId, attachmentIds);
    const [row] = await tx
      .insert(notes)
      .values({
        conversationId,
        agentId: agent.id,
        authorName: agent.name,
        telegramUserId: actor.type === 'telegram' ? actor.userId : null,
        text,
      })
      .returning();
    if (uploads.length) await attachUploads(tx, { noteId: row!.id }, attachmentIds);
    const note = presentNote(
      row!,
      uploads.map((file) => presentAttachment(file, conversationId, agentsViewer)),
    );
    await writeAudit(tx, actor, 'note.added', conversationId, {
      noteId: note.id,
      ...(uploads.length ? { attachmentIds } : {}),
    });
    await recordEvent(tx, 'note.added', actor, conversationId, { note });
    return note;
  });
}
