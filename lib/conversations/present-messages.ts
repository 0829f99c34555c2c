// Messages as a viewer gets them: the rows with their attachments, links signed for that
// viewer (the conversation's customer, or agents); and notes, which only agents read.
import { listAttachments, listMessageAttachments } from '../attachments/attachment-rows';
import { agentsViewer, presentAttachment, type Viewer } from '../attachments/present';
import type { Message, Note } from '../contracts/dto';
import type { Queryable } from '../db/client';
import type { MessageRow, NoteRow } from '../db/schema';
import { presentMessage, presentNote } from './present';

export async function presentMessageRows(
  q: Queryable,
  rows: MessageRow[],
  viewer: Viewer,
): Promise<Message[]> {
  const files = await listMessageAttachments(
    q,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentMessage(
      row,
      (files.get(row.id) ?? []).map((file) => presentAttachment(file, row.conversationId, viewer)),
    ),
  );
}

export async function presentNoteRows(q: Queryable, rows: NoteRow[]): Promise<Note[]> {
  const files = await listAttachments(
    q,
    'noteId',
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentNote(
      row,
      (files.get(row.id) ?? []).map((file) =>
        presentAttachment(file, row.conversationId, agentsViewer),
      ),
    ),
  );
}
