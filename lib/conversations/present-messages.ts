// Messages as a viewer gets them: the rows with their attachments, links signed for that
// viewer (the conversation's customer, or agents).
import { listMessageAttachments } from '../attachments/attachment-rows';
import { presentAttachment, type Viewer } from '../attachments/present';
import type { Message } from '../contracts/dto';
import type { Queryable } from '../db/client';
import type { MessageRow } from '../db/schema';
import { presentMessage } from './present';
import { loadQuotes } from './quotes';

export async function presentMessageRows(
  q: Queryable,
  rows: MessageRow[],
  viewer: Viewer,
): Promise<Message[]> {
  const [files, quotes] = await Promise.all([
    listMessageAttachments(
      q,
      rows.map((row) => row.id),
    ),
    loadQuotes(q, rows),
  ]);
  return rows.map((row) =>
    presentMessage(
      row,
      (files.get(row.id) ?? []).map((file) => presentAttachment(file, row.conversationId, viewer)),
      quotes.get(row.id),
    ),
  );
}
