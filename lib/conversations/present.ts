// The one presenter per entity: rows in, the DTOs that REST and sockets both send out.
import { avatarUrl } from '../avatars/avatar-url';
import type {
  AgentConversation,
  AgentSummary,
  Attachment,
  CustomerConversation,
  Message,
  Note,
  QuotedMessage,
} from '../contracts/dto';
import type { AgentRow, ConversationRow, MessageRow, NoteRow } from '../db/schema';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * `attachments` come presented for the viewer (see present-messages.ts), `replyTo` as the
 * quoted message is now (quotes.ts), `agentAvatarHash` the replying agent's current photo;
 * `forAgents` adds who wrote it. A deleted message serves neither text nor files.
 */
export function presentMessage(
  row: MessageRow,
  attachments: Attachment[] = [],
  extra: { replyTo?: QuotedMessage; forAgents?: boolean; agentAvatarHash?: string | null } = {},
): Message {
  const { replyTo, forAgents = false, agentAvatarHash = null } = extra;
  const deleted = row.deletedAt !== null;
  const agentAvatarUrl = row.author === 'agent' ? avatarUrl(agentAvatarHash) : null;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    author: row.author,
    ...(row.agentName ? { agentName: row.agentName } : {}),
    ...(forAgents && row.agentId ? { agentId: row.agentId } : {}),
    ...(agentAvatarUrl ? { agentAvatarUrl } : {}),
    text: deleted ? '' : row.text,
    ...(row.clientId ? { clientId: row.clientId } : {}),
    attachments: deleted ? [] : attachments,
    ...(replyTo && !deleted ? { replyTo } : {}),
    ...(row.editedAt && !deleted ? { editedAt: row.editedAt.toISOString() } : {}),
    ...(row.deletedAt ? { deletedAt: row.deletedAt.toISOString() } : {}),
    createdAt: row.createdAt.toISOString(),
  };
}

/** An event's message (the customer's view) as agents get it: who wrote it, too. */
export const withAuthor = (message: Message, agentId: string | null | undefined): Message =>
  agentId ? { ...message, agentId } : message;

/** What the inbox list shows of a conversation's last message. */
export const DELETED_MESSAGE_TEXT = 'Message deleted';

/** `agent` is the assignee as customers see them: the name and the photo. */
export function presentCustomerConversation(
  row: ConversationRow,
  agent: Pick<AgentRow, 'name' | 'avatarHash'> | null,
): CustomerConversation {
  return {
    id: row.id,
    codename: row.codename,
    status: row.status,
    name: row.customerName,
    departmentId: row.departmentId,
    agent: agent ? { name: agent.name, avatarUrl: avatarUrl(agent.avatarHash) } : null,
    email: row.customerEmail,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAgent(row: AgentRow): AgentSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    avatarUrl: avatarUrl(row.avatarHash),
  };
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
  lastMessage: Pick<MessageRow, 'author' | 'text' | 'createdAt' | 'deletedAt'> | null,
): AgentConversation {
  return {
    id: row.id,
    codename: row.codename,
    status: row.status,
    channel: row.channel,
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
          text: lastMessage.deletedAt ? DELETED_MESSAGE_TEXT : lastMessage.text.slice(0, 200),
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
