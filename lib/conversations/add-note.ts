// A private note for agents: a `notes` row, never a message, so the customer never sees it
// and the customer's `seq` has no holes.
import type { Actor } from '../actor';
import { requireActiveAgent } from '../agents/agents';
import { writeAudit } from '../audit/write-audit';
import type { Note } from '../contracts/dto';
import { notes } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
import { lockConversation } from './conversation-rows';
import { presentNote } from './present';

export async function addNote(
  conversationId: string,
  agentId: string,
  text: string,
  actor: Actor,
): Promise<Note> {
  return inTransaction(async (tx) => {
    const agent = await requireActiveAgent(tx, agentId);
    await lockConversation(tx, conversationId);
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
    const note = presentNote(row!);
    await writeAudit(tx, actor, 'note.added', conversationId, { noteId: note.id });
    await recordEvent(tx, 'note.added', actor, conversationId, { note });
    return note;
  });
}
