// Messages as a viewer gets them: the rows with their attachments, links signed for that
// viewer (the conversation's customer, or agents), with the agents' current photos; and
// notes, which only agents read.
import { inArray } from 'drizzle-orm';
import { listAttachments, listMessageAttachments } from '../attachments/attachment-rows';
import { agentsViewer, presentAttachment, type Viewer } from '../attachments/present';
import type { Message, Note } from '../contracts/dto';
import type { Queryable } from '../db/client';
import { agents, type MessageRow, type NoteRow } from '../db/schema';
import { presentMessage, presentNote } from './present';
import { loadQuotes } from './quotes';

export async function presentMessageRows(
  q: Queryable,
  rows: MessageRow[],
  viewer: Viewer,
): Promise<Message[]> {
  const agentIds = [...new Set(rows.flatMap((row) => (row.agentId ? [row.agentId] : [])))];
  const [files, quotes, faces] = await Promise.all([
    listMessageAttachments(
      q,
      rows.map((row) => row.id),
    ),
    loadQuotes(q, rows),
    agentIds.length
      ? q
          .select({ id: agents.id, avatarHash: agents.avatarHash })
          .from(agents)
          .where(inArray(agents.id, agentIds))
      : [],
  ]);
  const avatars = new Map(faces.map((face) => [face.id, face.avatarHash]));
  return rows.map((row) =>
    presentMessage(
      row,
      (files.get(row.id) ?? []).map((file) => presentAttachment(file, row.conversationId, viewer)),
      {
        replyTo: quotes.get(row.id),
        forAgents: viewer.kind === 'agents',
        agentAvatarHash: row.agentId ? (avatars.get(row.agentId) ?? null) : null,
      },
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
