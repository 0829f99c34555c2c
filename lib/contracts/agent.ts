// Schemas and shapes of the agent surfaces: sign-in and setup, the inbox REST API under
// /api/v1/agent, team and canned-response management, and the `/agent` socket namespace.
import { z } from 'zod';
import {
  CONVERSATION_ACTIONS,
  type ConversationAction,
  INBOX_VIEWS,
  type InboxView,
} from './conversation-state';
import type { AgentConversation, ConversationStatus, Message, Note } from './dto';
import type { Ack } from './errors';
import { boundedString, lineString, pgInt, queryInt, uuidSchema as uuid } from './fields';
import {
  EMPTY_MESSAGE,
  hasMessageContent,
  messageContentShape,
  messageTextSchema,
} from './message-content';
import { textSchema } from './text';

/** A person's name as agents show it to customers: one line, 1–64 characters. */
export const agentNameSchema = lineString(64, 'Name').min(1, 'Name is required');

export const emailSchema = boundedString(254, 'Email')
  .toLowerCase()
  .pipe(z.email('Expected an email address').max(254));

// Passwords are hashed, never stored or shown: any characters a person can type count.
export const passwordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const AGENT_ROLES = ['admin', 'agent'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const setupSchema = z.strictObject({
  name: agentNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SetupInput = z.infer<typeof setupSchema>;

export { INBOX_VIEWS, type InboxView };

export const inboxQuerySchema = z.object({
  view: z.enum(INBOX_VIEWS).default('open'),
  q: boundedString(200, 'q').optional(),
  departmentId: uuid.optional(),
  cursor: boundedString(200, 'cursor').optional(),
  limit: queryInt(1, 100).default(50),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const countsQuerySchema = z.object({ departmentId: uuid.optional() });

export const transcriptQuerySchema = z.object({
  /** Messages with a smaller seq than this; omitted = the newest page. */
  before: queryInt(1).optional(),
  limit: queryInt(1, 200).default(100),
});

export const replySchema = z
  .strictObject(messageContentShape)
  .refine(hasMessageContent, EMPTY_MESSAGE);
export const readSchema = z.strictObject({ seq: pgInt(0) });

export { CONVERSATION_ACTIONS, type ConversationAction };
export const conversationActionSchema = z.enum(CONVERSATION_ACTIONS);

export const profileSchema = z
  .strictObject({
    name: agentNameSchema.optional(),
    /** Empty clears it, and the `closing_message` template is used instead. */
    closingMessage: boundedString(1000, 'Closing message').nullable().optional(),
    /** Whether the widget lists this agent among the team's faces. */
    shownInWidget: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to update');

/** The departments an agent belongs to: the whole set, each id once. */
export const departmentIdsSchema = z
  .array(uuid)
  .max(200, 'At most 200 departments')
  .transform((ids) => [...new Set(ids)]);

export const createAgentSchema = z.strictObject({
  name: agentNameSchema,
  email: emailSchema,
  role: z.enum(AGENT_ROLES).default('agent'),
  /** Omitted: a one-time invitation link is returned instead. */
  password: passwordSchema.optional(),
  departmentIds: departmentIdsSchema.optional(),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

export const updateAgentSchema = z
  .strictObject({
    active: z.boolean().optional(),
    role: z.enum(AGENT_ROLES).optional(),
    name: agentNameSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'Nothing to update');
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

/** A new password, or none: then a one-time link to choose one is returned. */
export const resetPasswordSchema = z.strictObject({ password: passwordSchema.optional() });

export const agentDepartmentsSchema = z.strictObject({ departmentIds: departmentIdsSchema });
export type AgentDepartmentsInput = z.infer<typeof agentDepartmentsSchema>;

export const agentIdSchema = uuid;

export const acceptInviteSchema = z.strictObject({
  token: z
    .string()
    .min(20)
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'Not an invitation token'),
  password: passwordSchema,
});

export const cannedShortcutSchema = boundedString(32, 'Shortcut').regex(
  /^[a-z0-9][a-z0-9_-]{0,31}$/i,
  'Shortcut: 1–32 letters, digits, _ or -',
);

export const cannedResponseSchema = z.strictObject({
  shortcut: cannedShortcutSchema,
  text: textSchema,
});
export type CannedResponseInput = z.infer<typeof cannedResponseSchema>;

export const conversationRefSchema = z.object({ conversationId: uuid });
export const agentTypingSchema = z.object({ conversationId: uuid, typing: z.boolean() });
export const viewingSchema = z.object({ conversationId: uuid.nullable() });
export const presenceSchema = z.object({ status: z.enum(['online', 'away']) });
/** A reply or a note from the inbox socket: text, attachments, or both. */
export const socketMessageSchema = z
  .object({ conversationId: uuid, ...messageContentShape })
  .refine(hasMessageContent, EMPTY_MESSAGE);
export const socketMessageRefSchema = z.object({ conversationId: uuid, messageId: uuid });
export const socketEditSchema = socketMessageRefSchema.extend({ text: messageTextSchema });

// ---- Shapes ----

export interface SessionAgent {
  id: string;
  name: string;
  email: string | null;
  role: AgentRole;
}

export interface Profile extends SessionAgent {
  closingMessage: string | null;
  telegramLinked: boolean;
  /** The public URL of the profile photo; null: initials. */
  avatarUrl: string | null;
  shownInWidget: boolean;
}

/** An outstanding one-time link (an invitation, or a password reset by link). */
export interface InviteState {
  expiresAt: string;
  expired: boolean;
}

export interface TeamAgent extends SessionAgent {
  active: boolean;
  /** Has no password yet and an outstanding link: invited (or reset), not yet accepted. */
  pending: boolean;
  invite: InviteState | null;
  departmentIds: string[];
  lastSeenAt: string | null;
  telegramLinked: boolean;
  avatarUrl: string | null;
  createdAt: string;
}

/** A conversation in the inbox list, with this agent's read state. */
export interface InboxConversation extends AgentConversation {
  lastReadSeq: number;
  unread: boolean;
}

export interface InboxPage {
  conversations: InboxConversation[];
  nextCursor: string | null;
}

export type InboxCounts = Record<InboxView, number> & {
  /** Conversations that are yours or unclaimed and have something you have not read. */
  unread: number;
};

/** One page of a transcript: messages by seq and the notes written in the same span. */
export interface TranscriptPage {
  messages: Message[];
  notes: Note[];
  /** Pass as `before` for the next older page; null when this page reaches the start. */
  olderBefore: number | null;
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  text: string;
}

export interface Department {
  id: string;
  name: string;
}

export interface InviteLink {
  url: string;
  expiresAt: string;
}

export type PresenceStatus = 'online' | 'away' | 'offline';

export interface PresenceEntry {
  agentId: string;
  name: string;
  status: PresenceStatus;
}

export interface Viewer {
  agentId: string;
  name: string;
  typing: boolean;
}

/** Events an inbox sends on the `/agent` namespace. */
export interface AgentClientEvents {
  'message:send': (
    payload: {
      conversationId: string;
      text: string;
      attachmentIds?: string[];
      replyToId?: string;
    },
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  /** Edits one's own message within the edit window. */
  'message:edit': (
    payload: { conversationId: string; messageId: string; text: string },
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  /** Deletes one's own message within the window; admins any message. */
  'message:delete': (
    payload: { conversationId: string; messageId: string },
    ack: (result: Ack<{ message: Message }>) => void,
  ) => void;
  'note:add': (
    payload: { conversationId: string; text: string; attachmentIds?: string[] },
    ack: (result: Ack<{ note: Note }>) => void,
  ) => void;
  'conversation:claim': (
    payload: { conversationId: string },
    ack: (result: Ack<{ conversation: AgentConversation }>) => void,
  ) => void;
  typing: (payload: { conversationId: string; typing: boolean }) => void;
  viewing: (payload: { conversationId: string | null }) => void;
  presence: (payload: { status: 'online' | 'away' }) => void;
}

/** Events the server sends on the `/agent` namespace. */
export interface AgentServerEvents {
  /** Changed conversations, in their current state (coalesced). */
  conversations: (payload: { conversations: AgentConversation[] }) => void;
  'conversation:started': (payload: {
    conversationId: string;
    codename: string;
    departmentId?: string | null;
  }) => void;
  message: (message: Message) => void;
  /** A message was edited or deleted: replace it (by id) with this version. */
  'message:updated': (message: Message) => void;
  note: (note: Note) => void;
  'customer:seen': (payload: { conversationId: string; seq: number }) => void;
  'customer:typing': (payload: { conversationId: string; typing: boolean }) => void;
  viewers: (payload: { conversationId: string; viewers: Viewer[] }) => void;
  presence: (payload: { agents: PresenceEntry[] }) => void;
  reminder: (payload: { conversationId: string; text: string }) => void;
  /** The team changed (an agent added, renamed, disabled); refetch what shows agents. */
  team: () => void;
}

export const VIEW_STATUSES: Record<Exclude<InboxView, 'mine'>, readonly ConversationStatus[]> = {
  unclaimed: ['open_unclaimed'],
  open: ['open_unclaimed', 'open_assigned', 'awaiting_customer'],
  closed: ['closed'],
  blocked: ['blocked'],
};
