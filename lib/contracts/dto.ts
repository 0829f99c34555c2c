// The shapes that REST responses and socket events carry (DESIGN §6).

import type { ConversationChannel, ConversationStatus } from './conversation-state';

export type { ConversationStatus } from './conversation-state';

export type MessageAuthor = 'customer' | 'agent' | 'system';

/**
 * A file sent with a message (DESIGN §13). `url` and `thumbnailUrl` are signed for whoever
 * received them (the conversation's customer, or agents) and expire: take them fresh from
 * the latest message or history rather than storing them. Images have a thumbnail and
 * their pixel size; everything else downloads as a file.
 */
export interface Attachment {
  id: string;
  name: string;
  /** The type detected from the bytes, e.g. `image/png`, `application/pdf`. */
  type: string;
  /** Bytes, as stored (images after re-encoding). */
  size: number;
  width?: number;
  height?: number;
  url: string;
  thumbnailUrl?: string;
}

/**
 * The message a reply quotes, as it is now: a short excerpt of its text (or, for files
 * alone, their names), and `deleted` once it was deleted. Clients that hold the quoted
 * message itself show it from there (it may have changed since this was sent).
 */
export interface QuotedMessage {
  id: string;
  seq: number;
  author: MessageAuthor;
  agentName?: string;
  text: string;
  deleted?: true;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  author: MessageAuthor;
  agentName?: string;
  /** The agent who wrote it: in agents' views only (the inbox, the admin API), never the widget's. */
  agentId?: string;
  /** The replying agent's profile photo, when they have one (initials otherwise). */
  agentAvatarUrl?: string;
  /** May be empty when the message carries attachments; always empty once deleted. */
  text: string;
  clientId?: string;
  /** In the order they were given in `attachmentIds`; empty once deleted. */
  attachments: Attachment[];
  replyTo?: QuotedMessage;
  /** Set when its author changed the text (agents, within `MESSAGE_EDIT_WINDOW_SECONDS`). */
  editedAt?: string;
  /** Set once deleted: it keeps its place and seq and is shown as "Message deleted". */
  deletedAt?: string;
  createdAt: string;
}

/** `POST …/conversations/:id/attachments` answers 201 with this. */
export interface UploadAttachmentResponse {
  attachment: Attachment;
}

/** The conversation as the customer (widget) sees it. */
export interface CustomerConversation {
  id: string;
  codename: string;
  status: ConversationStatus;
  name: string | null;
  departmentId: string | null;
  agent: { name: string; avatarUrl: string | null } | null;
  /** Where replies go by email once the visitor left the page; null: not given. */
  email: string | null;
  createdAt: string;
}

export interface Note {
  id: string;
  conversationId: string;
  authorName: string;
  agentId: string | null;
  /** May be empty when `attachments` is not. */
  text: string;
  attachments: Attachment[];
  createdAt: string;
}

export interface AgentSummary {
  id: string;
  name: string;
  email: string | null;
  role: 'admin' | 'agent';
  avatarUrl: string | null;
}

/** The conversation as agents and the admin API see it. */
export interface AgentConversation {
  id: string;
  codename: string;
  status: ConversationStatus;
  /** Where the customer writes from: the widget, or a private chat with the bot. */
  channel: ConversationChannel;
  name: string | null;
  departmentId: string | null;
  assignee: AgentSummary | null;
  visitorId: string | null;
  /** Who the site vouches for (a verified identity token), or null: everything else is unverified. */
  identity: { sub: string; email: string | null; name: string | null } | null;
  fields: Record<string, unknown>;
  /** The address the visitor left for replies by email. */
  email: string | null;
  page: { url: string | null; title: string | null; referrer: string | null };
  locale: string | null;
  userAgent: string | null;
  customerSeenSeq: number;
  lastSeq: number;
  /** Reminders sent so far while it waits for a claim (0, 1 or 2). */
  reminderLevel: number;
  lastMessage: { author: MessageAuthor; text: string; createdAt: string } | null;
  createdAt: string;
  lastCustomerAt: string | null;
  lastAgentAt: string | null;
  lastActivityAt: string;
  closedAt: string | null;
}

export interface PreChatField {
  id: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea' | 'select' | 'checkbox';
  required: boolean;
  options?: string[];
}

export interface WidgetDepartment {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  color: string | null;
  /** Said once the visitor picked this department; null uses the widget's greeting. */
  greeting: string | null;
}

export interface WidgetConfig {
  title: string;
  subtitle: string;
  color: string;
  position: 'left' | 'right';
  greeting: string;
  locale: string;
  strings: Record<string, string>;
  /** Who answers: the `teamName` setting, or the title when it is empty. */
  teamName: string;
  /** The team's faces: active agents who chose to be shown, most recently active first. */
  agents: WidgetAgent[];
  online: boolean;
  /**
   * When working hours next begin, while they are over (null: within them, or no schedule):
   * the widget says when the team is back.
   */
  nextOpenAt: string | null;
  departments: WidgetDepartment[];
  preChatFields: PreChatField[];
  /** What an upload may be, so clients explain the limits before uploading. */
  attachments: AttachmentLimits;
  /** Email is set up: the widget may ask for an address and offer the transcript by email. */
  email: boolean;
}

export interface WidgetAgent {
  name: string;
  /** Null: show the initials of `name`. */
  avatarUrl: string | null;
}

export interface AttachmentLimits {
  /** `ATTACHMENT_MAX_BYTES`: larger files are refused with 413 `too_large`. */
  maxBytes: number;
  /** Files one message may carry. */
  maxFiles: number;
}

export interface StartConversationResponse {
  conversation: CustomerConversation;
  token: string;
}

export interface ConversationHistoryResponse {
  conversation: CustomerConversation;
  messages: Message[];
  /**
   * With `?after=`: the messages at or before `after` that were edited or deleted, as they
   * are now, so a client that was away replaces its copies (by id).
   */
  updated?: Message[];
  closedNote?: string;
}

export interface Notice {
  key: string;
  text: string;
}
