// Messages as a viewer gets them: the rows with their attachments, links signed for that
// viewer (the conversation's customer, or agents), and the agents' current photos.
import { inArray } from 'drizzle-orm';
import { listMessageAttachments } from '../attachments/attachment-rows';
import { presentAttachment, type Viewer } from '../attachments/present';
import type { Message } from '../contracts/dto';
import type { Queryable } from '../db/client';
import { agents, type MessageRow } from '../db/schema';
import { presentMessage } from './present';

export async function presentMessageRows(
  q: Queryable,
  rows: MessageRow[],
  viewer: Viewer,
): Promise<Message[]> {
  const agentIds = [...new Set(rows.flatMap((row) => (row.agentId ? [row.agentId] : [])))];
  const [files, faces] = await Promise.all([
    listMessageAttachments(
      q,
      rows.map((row) => row.id),
    ),
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
      row.agentId ? (avatars.get(row.agentId) ?? null) : null,
    ),
  );
}
