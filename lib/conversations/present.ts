// The one presenter per entity: rows in, the DTOs that REST and sockets both send out.
import type {
  AgentConversation,
  AgentSummary,
  Attachment,
  CustomerConversation,
  Message,
  Note,
} from '../contracts/dto';
import type { AgentRow, ConversationRow, MessageRow, NoteRow } from '../db/schema';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** `attachments` come presented for the viewer (see present-messages.ts). */
export function presentMessage(row: MessageRow, attachments: Attachment[] = []): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    author: row.author,
    ...(row.agentName ? { agentName: row.agentName } : {}),
    text: row.text,
    ...(row.clientId ? { clientId: row.clientId } : {}),
    attachments,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCustomerConversation(
  row: ConversationRow,
  agentName: string | null,
): CustomerConversation {
  return {
    id: row.id,
    codename: row.codename,
    status: row.status,
    name: row.customerName,
    departmentId: row.departmentId,
    agent: agentName ? { name: agentName } : null,
    email: row.customerEmail,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAgent(row: AgentRow): AgentSummary {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** `attachments` come presented for agents (see present-messages.ts). */
export function presentNote(row: NoteRow, attachments: Attachment[] = []): Note {
  return {
    id: row.id,
    conversationId: row.conversationId,
    authorName: row.authorName,
    agentId: row.agentId,
    text: row.text,
    attachments,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAgentConversation(
  row: ConversationRow,
  assignee: AgentRow | null,
  lastMessage: Pick<MessageRow, 'author' | 'text' | 'createdAt'> | null,
): AgentConversation {
  return {
    id: row.id,
    codename: row.codename,
    status: row.status,
    name: row.customerName,
    departmentId: row.departmentId,
    assignee: assignee ? presentAgent(assignee) : null,
    visitorId: row.visitorId,
    identity: row.identity
      ? {
          sub: row.identity.sub,
          email: row.identity.email ?? null,
          name: row.identity.name ?? null,
        }
      : null,
    fields: row.fields,
    email: row.customerEmail,
    page: { url: row.pageUrl, title: row.pageTitle, referrer: row.referrer },
    locale: row.locale,
    userAgent: row.userAgent,
    customerSeenSeq: row.customerSeenSeq,
    lastSeq: row.lastSeq,
    reminderLevel: row.status === 'open_unclaimed' ? row.reminderLevel : 0,
    lastMessage: lastMessage
      ? {
          author: lastMessage.author,
          text: lastMessage.text.slice(0, 200),
          createdAt: lastMessage.createdAt.toISOString(),
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    lastCustomerAt: iso(row.lastCustomerAt),
    lastAgentAt: iso(row.lastAgentAt),
    lastActivityAt: row.lastActivityAt.toISOString(),
    closedAt: iso(row.closedAt),
  };
}
