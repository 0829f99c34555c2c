// Zod schemas of the response bodies, for the OpenAPI document. The DTO interfaces in
// dto.ts and agent.ts stay the source the code is written against; responses.test.ts
// checks at the type level that each schema here infers exactly that interface.
import { z } from 'zod';
import { TEMPLATE_KEYS } from './admin';
import { AGENT_ROLES } from './agent';
import { secretViewSchema } from './console-responses-telegram';
import { CONVERSATION_CHANNELS } from './conversation-state';
import { SETTINGS_SCHEMAS } from './settings';

const id = z.uuid();
const time = z.iso.datetime({ offset: true });
const avatarUrlSchema = z
  .string()
  .nullable()
  .describe('A profile photo (public, named by a content hash); null: show initials');

export const conversationStatusSchema = z
  .enum(['open_unclaimed', 'open_assigned', 'awaiting_customer', 'closed', 'blocked'])
  .meta({ id: 'ConversationStatus' });
const authorSchema = z.enum(['customer', 'agent', 'system']);

export const attachmentSchema = z
  .object({
    id,
    name: z.string(),
    type: z.string().describe('Detected from the bytes, e.g. image/png'),
    size: z.number().int().describe('Bytes as stored (images after re-encoding)'),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
    url: z
      .string()
      .describe('Signed for the caller, expires; images inline, the rest as a download'),
    thumbnailUrl: z.string().optional(),
  })
  .meta({ id: 'Attachment' });

export const uploadAttachmentResponseSchema = z.object({ attachment: attachmentSchema });

export const telegramChatLinkSchema = z
  .object({
    url: z.string().describe('`https://t.me/<bot>?start=<one-time code>`'),
    expiresAt: time,
  })
  .meta({ id: 'TelegramChatLink' });

export const quotedMessageSchema = z
  .object({
    id,
    seq: z.number().int(),
    author: authorSchema,
    agentName: z.string().optional(),
    text: z
      .string()
      .describe('A short excerpt; the file names for files alone; empty once deleted'),
    deleted: z.literal(true).optional(),
  })
  .meta({ id: 'QuotedMessage', description: 'The message a reply quotes, as it is now' });

export const messageSchema = z
  .object({
    id,
    conversationId: id,
    seq: z.number().int(),
    author: authorSchema,
    agentName: z.string().optional(),
    agentId: id.optional().describe("The agent who wrote it; in agents' views only"),
    agentAvatarUrl: z.string().optional().describe('The agent’s profile photo, when set'),
    text: z.string().describe('May be empty when the message has attachments; empty once deleted'),
    clientId: z.string().optional(),
    attachments: z.array(attachmentSchema),
    replyTo: quotedMessageSchema.optional(),
    editedAt: time.optional(),
    deletedAt: time.optional().describe('Deleted: shown as "Message deleted", no text or files'),
    createdAt: time,
  })
  .meta({ id: 'Message' });

export const messageResponseSchema = z.object({ message: messageSchema });

export const customerConversationSchema = z
  .object({
    id,
    codename: z.string(),
    status: conversationStatusSchema,
    name: z.string().nullable(),
    departmentId: id.nullable(),
    agent: z.object({ name: z.string(), avatarUrl: avatarUrlSchema }).nullable(),
    email: z.string().nullable().describe('Where replies go by email once the visitor left'),
    createdAt: time,
  })
  .meta({ id: 'CustomerConversation', description: 'The conversation as the widget sees it' });

export const noteSchema = z
  .object({
    id,
    conversationId: id,
    authorName: z.string(),
    agentId: id.nullable(),
    text: z.string(),
    attachments: z.array(attachmentSchema),
    createdAt: time,
  })
  .meta({ id: 'Note', description: 'A private note; its file links are for agents only' });

export const agentSummarySchema = z
  .object({
    id,
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(AGENT_ROLES),
    avatarUrl: avatarUrlSchema,
  })
  .meta({ id: 'AgentSummary' });

const agentConversationShape = {
  id,
  codename: z.string(),
  status: conversationStatusSchema,
  channel: z
    .enum(CONVERSATION_CHANNELS)
    .describe('Where the customer writes from: the widget, or a private chat with the bot'),
  name: z.string().nullable(),
  departmentId: id.nullable(),
  assignee: agentSummarySchema.nullable(),
  visitorId: z.string().nullable(),
  identity: z
    .object({ sub: z.string(), email: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  fields: z.record(z.string(), z.unknown()),
  email: z.string().nullable(),
  page: z.object({
    url: z.string().nullable(),
    title: z.string().nullable(),
    referrer: z.string().nullable(),
  }),
  locale: z.string().nullable(),
  userAgent: z.string().nullable(),
  customerSeenSeq: z.number().int(),
  lastSeq: z.number().int(),
  reminderLevel: z.number().int(),
  lastMessage: z.object({ author: authorSchema, text: z.string(), createdAt: time }).nullable(),
  createdAt: time,
  lastCustomerAt: time.nullable(),
  lastAgentAt: time.nullable(),
  lastActivityAt: time,
  closedAt: time.nullable(),
};

export const agentConversationSchema = z
  .object(agentConversationShape)
  .meta({ id: 'AgentConversation', description: 'The conversation as agents and admins see it' });

export const inboxConversationSchema = z
  .object({ ...agentConversationShape, lastReadSeq: z.number().int(), unread: z.boolean() })
  .meta({ id: 'InboxConversation' });

export const preChatFieldSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    type: z.enum(['text', 'email', 'tel', 'textarea', 'select', 'checkbox']),
    required: z.boolean(),
    options: z.array(z.string()).optional(),
  })
  .meta({ id: 'PreChatField' });

export const widgetConfigSchema = z
  .object({
    title: z.string(),
    subtitle: z.string(),
    teamName: z.string().describe('The team name setting, or the title when it is empty'),
    agents: z
      .array(z.object({ name: z.string(), avatarUrl: avatarUrlSchema }))
      .describe('Active agents who chose to be shown, most recently active first'),
    color: z.string(),
    position: z.enum(['left', 'right']),
    greeting: z.string(),
    locale: z.string(),
    strings: z.record(z.string(), z.string()),
    online: z.boolean(),
    nextOpenAt: time.nullable().describe('When working hours next begin, while they are over'),
    departments: z.array(
      z.object({
        id,
        name: z.string(),
        description: z.string().nullable(),
        icon: z.string().nullable(),
        color: z.string().nullable(),
        greeting: z.string().nullable(),
      }),
    ),
    preChatFields: z.array(preChatFieldSchema),
    attachments: z.object({
      maxBytes: z.number().int().describe('Larger files are refused with 413 too_large'),
      maxFiles: z.number().int().describe('Attachments one message may carry'),
    }),
    email: z.boolean().describe('Email is set up: replies and transcripts can go by email'),
  })
  .meta({ id: 'WidgetConfig' });

export const startConversationResponseSchema = z.object({
  conversation: customerConversationSchema,
  token: z.string().describe('Bearer token bound to this conversation'),
});

export const conversationHistorySchema = z.object({
  conversation: customerConversationSchema,
  messages: z.array(messageSchema),
  updated: z
    .array(messageSchema)
    .optional()
    .describe('With `after`: earlier messages edited or deleted since, as they are now'),
  closedNote: z.string().optional(),
});

export const sessionAgentSchema = z
  .object({ id, name: z.string(), email: z.string().nullable(), role: z.enum(AGENT_ROLES) })
  .meta({ id: 'SessionAgent' });

export const profileViewSchema = z
  .object({
    ...sessionAgentSchema.shape,
    closingMessage: z.string().nullable(),
    telegramLinked: z.boolean(),
    avatarUrl: avatarUrlSchema,
    shownInWidget: z.boolean(),
  })
  .meta({ id: 'Profile' });

export const teamAgentSchema = z
  .object({
    ...sessionAgentSchema.shape,
    active: z.boolean(),
    lastSeenAt: time.nullable(),
    telegramLinked: z.boolean(),
    avatarUrl: avatarUrlSchema,
    createdAt: time,
    pending: z.boolean(),
    invite: z.object({ expiresAt: time, expired: z.boolean() }).nullable(),
    departmentIds: z.array(id),
  })
  .meta({ id: 'TeamAgent' });

export const inviteLinkSchema = z
  .object({ url: z.string(), expiresAt: time })
  .meta({ id: 'InviteLink' });

export const inboxPageSchema = z.object({
  conversations: z.array(inboxConversationSchema),
  nextCursor: z.string().nullable(),
});

const count = z.number().int();
export const inboxCountsSchema = z.object({
  unclaimed: count,
  mine: count,
  open: count,
  closed: count,
  blocked: count,
  unread: count,
});

export const transcriptPageSchema = z.object({
  messages: z.array(messageSchema),
  notes: z.array(noteSchema),
  olderBefore: z.number().int().nullable(),
});

export const cannedResponseViewSchema = z
  .object({ id, shortcut: z.string(), text: z.string() })
  .meta({ id: 'CannedResponse' });

export const departmentSchema = z.object({ id, name: z.string() }).meta({ id: 'Department' });

export const conversationPageSchema = z.object({
  conversations: z.array(agentConversationSchema),
  nextCursor: z.string().nullable(),
});

export const conversationDetailsSchema = z.object({
  conversation: agentConversationSchema,
  messages: z.array(messageSchema),
  notes: z.array(noteSchema),
});

export const templateViewSchema = z
  .object({
    key: z.enum(TEMPLATE_KEYS),
    text: z.string(),
    notice: z.boolean(),
    persist: z.boolean(),
    telegram: z.boolean(),
    pin: z.boolean(),
    rateLimitSeconds: z.number().int(),
    locale: z.string(),
    isDefault: z.boolean(),
  })
  .meta({ id: 'MessageTemplate' });

/** Every setting as the admin API shows it: the Telegram secrets masked. */
export const adminSettingsSchema = z
  .object({
    ...SETTINGS_SCHEMAS,
    telegram: SETTINGS_SCHEMAS.telegram.omit({ botToken: true, webhookSecret: true }).extend({
      botToken: secretViewSchema,
      webhookSecret: secretViewSchema,
      /** TELEGRAM_BOT_TOKEN is set, and wins over what is stored. */
      managedByEnvironment: z.boolean(),
    }),
    email: SETTINGS_SCHEMAS.email.omit({ smtpUrl: true, inboundSecret: true }).extend({
      smtpUrl: secretViewSchema,
      inboundSecret: secretViewSchema,
      /** SMTP_URL is set, and wins over what is stored. */
      managedByEnvironment: z.boolean(),
      /** EMAIL_INBOUND_SECRET is set, and wins over the stored inbound secret. */
      inboundManagedByEnvironment: z.boolean(),
    }),
  })
  .meta({ id: 'Settings' });

export const readinessSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.string(),
  migrations: z.string(),
  telegram: z.string(),
  email: z.string(),
});

export const okSchema = z.object({ ok: z.literal(true) });
