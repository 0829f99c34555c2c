// Everything agents see of one conversation: the conversation, its transcript and notes.
import { asc, eq } from 'drizzle-orm';
import { agentsViewer } from '../attachments/present';
import type { AgentConversation, Message, Note } from '../contracts/dto';
import { db } from '../db/client';
import { messages, notes } from '../db/schema';
import { getConversation } from './conversation-rows';
import { presentMany } from './list-conversations';
import { presentMessageRows, presentNoteRows } from './present-messages';

export async function getConversationDetails(
  conversationId: string,
): Promise<{ conversation: AgentConversation; messages: Message[]; notes: Note[] }> {
  const database = db();
  const row = await getConversation(database, conversationId);
  const [conversation] = await presentMany(database, [row]);
  const [messageRows, noteRows] = await Promise.all([
    database
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq)),
    database
      .select()
      .from(notes)
      .where(eq(notes.conversationId, conversationId))
      .orderBy(asc(notes.createdAt)),
  ]);
  return {
    conversation: conversation!,
    messages: await presentMessageRows(database, messageRows, agentsViewer),
    notes: await presentNoteRows(database, noteRows),
  };
}
