// The domain events every change writes, and what each carries.
import type { CustomerConversation, Message, Note } from '../contracts/dto';

export interface EventPayloads {
  'conversation.started': { conversation: CustomerConversation };
  'message.posted': {
    conversation: CustomerConversation;
    /** The customer's view; `authorAgentId` says which agent wrote it, for agents' channels. */
    message: Message;
    authorAgentId?: string | null;
    statusChanged: boolean;
  };
  /** Its author changed the text; `message` is the new version (customer's links). */
  'message.edited': { message: Message; authorAgentId?: string | null };
  /** Deleted: `message` keeps its place and seq, without text or files. */
  'message.deleted': { message: Message; authorAgentId?: string | null };
  'conversation.claimed': { conversation: CustomerConversation; previousAgentId: string | null };
  /** Back in the unclaimed queue because its agent was removed from the team. */
  'conversation.unassigned': { conversation: CustomerConversation; previousAgentId: string };
  'conversation.closed': { conversation: CustomerConversation };
  'conversation.reopened': { conversation: CustomerConversation };
  'conversation.blocked': { conversation: CustomerConversation };
  'conversation.unblocked': { conversation: CustomerConversation };
  'conversation.renamed': { conversation: CustomerConversation };
  /** The visitor left an address for replies by email. */
  'conversation.email_set': { conversation: CustomerConversation };
  'conversation.seen': { conversationId: string; seq: number };
  'note.added': { note: Note };
  /** A system message template was emitted; its flags say which channels show it. */
  'system_message.emitted': {
    conversationId: string;
    key: string;
    text: string;
    notice: boolean;
    telegram: boolean;
    pin: boolean;
    /** Set when the text was also persisted to the transcript. */
    messageId: string | null;
  };
  'conversation.purged': {
    conversationId: string;
    telegramChatId: number | null;
    telegramThreadId: number | null;
  };
  /**
   * An agent was added or changed (name, role, active). An inactive one is signed out, and so
   * is every session when `sessionsEnded`, or the one session `endedSessionId` names.
   */
  'agent.updated': {
    agentId: string;
    active: boolean;
    sessionsEnded?: boolean;
    endedSessionId?: string;
  };
}

export type EventType = keyof EventPayloads;

export interface DomainEvent<T extends EventType = EventType> {
  id: number;
  type: T;
  conversationId: string | null;
  actor: string;
  payload: EventPayloads[T];
  createdAt: Date;
}

export function isEvent<T extends EventType>(event: DomainEvent, type: T): event is DomainEvent<T> {
  return event.type === type;
}
