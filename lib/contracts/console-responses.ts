// Zod schemas of the admin console's response bodies (DESIGN §12: team, departments, visitor
// blocks, conversations, working hours, templates), for the OpenAPI document. As with
// responses.ts, the interfaces stay the source the code is written against;
// console-responses.test.ts checks that each schema infers exactly that interface and
// parses what the services really return. Telegram's setup is in console-responses-telegram.ts.
import { z } from 'zod';
import {
  agentConversationSchema,
  inviteLinkSchema,
  messageSchema,
  noteSchema,
  teamAgentSchema,
  templateViewSchema,
} from './responses';

const id = z.uuid();
const time = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

// ---- Team ----

export const addedAgentSchema = z.object({
  agent: teamAgentSchema,
  invite: inviteLinkSchema
    .nullable()
    .describe('The one-time link to choose a password; null when a password was given'),
});

export const pendingInviteSchema = z
  .object({
    ...inviteLinkSchema.shape,
    expired: z.boolean().describe('An expired link no longer works: re-issue it'),
  })
  .meta({ id: 'PendingInvite', description: 'An agent’s outstanding one-time link' });

export const deletedAgentSchema = z.object({
  deleted: z.literal(true),
  unassignedConversations: count.describe('Open conversations put back in the unclaimed queue'),
});

// ---- Departments ----

export const adminDepartmentSchema = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    icon: z.string().nullable(),
    color: z.string().nullable().describe('#rrggbb'),
    greeting: z.string().nullable().describe('Said once a visitor picked it; null: the widget’s'),
    sortOrder: z.number().int(),
    active: z.boolean().describe('Offered in the widget'),
    telegramChatId: z
      .number()
      .int()
      .nullable()
      .describe('Its own forum supergroup; null: the main support group'),
    memberIds: z.array(id),
    openConversations: count,
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: 'AdminDepartment', description: 'A department as the console shows it' });

export const departmentTelegramCheckSchema = z
  .object({
    enabled: z.boolean().describe('False when Telegram is off here: nothing could be checked'),
    ok: z.boolean(),
    chatId: z
      .number()
      .int()
      .nullable()
      .describe('The chat checked: the department’s own, or the main support group'),
    usesMainChat: z.boolean(),
    state: z.string().describe('"ok", or what is wrong'),
    fix: z.string().optional(),
    botUsername: z.string().optional(),
  })
  .meta({ id: 'DepartmentTelegramCheck' });

// ---- Visitor blocks ----

export const visitorBlockSchema = z
  .object({
    id,
    visitorId: z.string().nullable(),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
    conversationId: id.nullable().describe('The conversation the block was made from'),
    expiresAt: time.nullable().describe('Null: until lifted'),
    createdBy: z.string().describe('The actor, such as agent:<uuid> or service'),
    createdAt: time,
  })
  .meta({ id: 'VisitorBlock' });

// ---- Conversations ----

export const conversationCountSchema = z.object({ count });

export const bulkDeleteResultSchema = z.object({
  deleted: count.describe('Conversations deleted with their messages, notes and topics'),
});

export const conversationExportSchema = z
  .object({
    exportedAt: time,
    conversation: agentConversationSchema,
    messages: z
      .array(messageSchema)
      .describe('Each with its attachments, linked for agents (links valid for a day)'),
    notes: z.array(noteSchema),
    audit: z.array(
      z.object({
        id: z.number().int(),
        at: time,
        actor: z.string(),
        action: z.string(),
        meta: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'ConversationExport', description: 'Everything stored about one conversation' });

// ---- Settings ----

export const workingHoursStatusSchema = z
  .object({
    open: z.boolean().describe('False only while working hours are on and now is outside them'),
    enabled: z.boolean(),
    timezone: z.string(),
    localTime: z.string().describe('Now in the schedule’s time zone: "Wed 2026-12-02 14:05"'),
    reason: z.enum(['disabled', 'holiday', 'hours', 'open']),
  })
  .meta({ id: 'WorkingHoursStatus' });

export const builtInTemplateSchema = templateViewSchema
  .omit({ locale: true, isDefault: true })
  .meta({ id: 'BuiltInTemplate', description: 'A system message’s built-in text and flags' });

export const templateCatalogSchema = z.object({
  templates: z
    .array(templateViewSchema)
    .describe('In effect: one per key for every locale (the default first)'),
  defaults: z.array(builtInTemplateSchema),
  locales: z.array(z.string()).describe('Every language tag with a stored text of its own'),
});
