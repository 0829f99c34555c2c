// One conversation exported for an admin: everything stored about it as JSON, or its
// transcript and notes interleaved by time as CSV.
import { asc, eq } from 'drizzle-orm';
import type { ConversationExport } from '../contracts/admin';
import { formatBytes } from '../contracts/attachments';
import type { Message, Note } from '../contracts/dto';
import { db } from '../db/client';
import { auditLog } from '../db/schema';
import { CSV_BOM, csvRows, exportFileName } from './export-csv';
import { getConversationDetails } from './get-conversation-details';

export type { ConversationExport };

export async function exportConversationJson(
  conversationId: string,
  now: Date = new Date(),
): Promise<{ fileName: string; body: ConversationExport }> {
  const details = await getConversationDetails(conversationId);
  const audit = await db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.conversationId, conversationId))
    .orderBy(asc(auditLog.id));
  return {
    fileName: exportFileName(details.conversation.codename, 'json'),
    body: {
      exportedAt: now.toISOString(),
      conversation: details.conversation,
      messages: details.messages,
      notes: details.notes,
      audit: audit.map((entry) => ({
        id: entry.id,
        at: entry.createdAt.toISOString(),
        actor: entry.actor,
        action: entry.action,
        meta: entry.meta,
      })),
    },
  };
}

function messageAuthor(message: Message, customerName: string | null): string {
  if (message.author === 'customer') return customerName ?? 'Customer';
  if (message.author === 'agent') return message.agentName ?? 'Agent';
  return 'System';
}

/**
 * `kind` is the message's author (`customer`, `agent`, `system`) or `note`; `attachments`
 * lists a message's (or note's) files by name, type and size.
 */
export const TRANSCRIPT_CSV_COLUMNS = ['time', 'kind', 'author', 'text', 'attachments'] as const;

/** `photo.png (image/png, 120 KB); terms.pdf (application/pdf, 2 MB)`. */
function attachmentList(carrier: Message | Note): string {
  return carrier.attachments
    .map((file) => `${file.name} (${file.type}, ${formatBytes(file.size)})`)
    .join('; ');
}

export async function exportConversationCsv(
  conversationId: string,
): Promise<{ fileName: string; body: string }> {
  const { conversation, messages, notes } = await getConversationDetails(conversationId);
  const lines = [
    ...messages.map((m) => ({
      at: m.createdAt,
      order: 0,
      row: [m.createdAt, m.author, messageAuthor(m, conversation.name), m.text, attachmentList(m)],
    })),
    ...notes.map((n) => ({
      at: n.createdAt,
      order: 1,
      row: [n.createdAt, 'note', n.authorName, n.text, attachmentList(n)],
    })),
  ];
  // ISO times in UTC sort as strings; a message and a note of the same instant keep the
  // message first, and messages among themselves keep their `seq` order (a stable sort).
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  return {
    fileName: exportFileName(conversation.codename, 'csv'),
    body: CSV_BOM + csvRows([[...TRANSCRIPT_CSV_COLUMNS], ...lines.map((l) => l.row)]),
  };
}
