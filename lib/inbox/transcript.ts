// The transcript agents read, one page at a time from the newest backwards: messages by
// seq, and the private notes written in the same span of time, so that notes interleave
// with messages and every note lands on exactly one page.
import { and, asc, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { agentsViewer } from '../attachments/present';
import type { TranscriptPage } from '../contracts/agent';
import { getConversation } from '../conversations/conversation-rows';
import { presentMessageRows, presentNoteRows } from '../conversations/present-messages';
import { db } from '../db/client';
import { messages, notes } from '../db/schema';

export async function getTranscriptPage(
  conversationId: string,
  options: { before?: number; limit: number },
): Promise<TranscriptPage> {
  const database = db();
  await getConversation(database, conversationId);
  const rows = await database
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        options.before ? lt(messages.seq, options.before) : undefined,
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(options.limit + 1);
  const hasOlder = rows.length > options.limit;
  const page = rows.slice(0, options.limit).reverse();

  // The span this page covers: from its first message (or the very start) up to the first
  // message of the newer page (or now).
  const noteFilters: (SQL | undefined)[] = [eq(notes.conversationId, conversationId)];
  if (hasOlder && page[0]) noteFilters.push(gte(notes.createdAt, page[0].createdAt));
  if (options.before) {
    const [newer] = await database
      .select({ createdAt: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.seq, options.before)));
    if (newer) noteFilters.push(lt(notes.createdAt, newer.createdAt));
  }
  const noteRows = await database
    .select()
    .from(notes)
    .where(and(...noteFilters))
    .orderBy(asc(notes.createdAt));
  return {
    messages: await presentMessageRows(database, page, agentsViewer),
    notes: await presentNoteRows(database, noteRows),
    olderBefore: hasOlder && page[0] ? page[0].seq : null,
  };
}
