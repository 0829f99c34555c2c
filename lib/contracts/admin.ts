// Request schemas of the admin API.
import { z } from 'zod';
import type { AgentConversation, Message, Note } from './dto';
import { boundedString, lineString, pgInt, queryInt, uuidSchema } from './fields';
import {
  EMPTY_MESSAGE,
  editMessageSchema,
  hasMessageContent,
  messageContentShape,
} from './message-content';
import { emailAddressSchema } from './settings';
import { textSchema } from './text';

export const LIST_STATUS_FILTERS = [
  'unclaimed',
  'assigned',
  'awaiting',
  'open',
  'closed',
  'blocked',
  'all',
] as const;
export type ListStatusFilter = (typeof LIST_STATUS_FILTERS)[number];

const DATE_ONLY = /^\d{4}-\d\d-\d\d$/;
const DAY_MS = 86_400_000;

/**
 * A point in time from a query: an ISO date (`2026-12-01`, midnight UTC) or date-time with
 * an offset. `endOfDay` makes a bare date cover that whole day, for the upper bound.
 */
const instant = (endOfDay: boolean) =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'Expected an ISO date (2026-12-01) or date-time (2026-12-01T09:30:00Z)',
    })
    .transform((value) => {
      const at = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
      // The upper bound is exclusive: the next day for a date, the next millisecond for a time.
      return endOfDay ? new Date(at.getTime() + (DATE_ONLY.test(value) ? DAY_MS : 1)) : at;
    })
    .refine((at) => at.getUTCFullYear() >= 1 && at.getUTCFullYear() <= 9999, 'Out of range');

/** Which conversations: the filters the list, the export and bulk delete share. */
export const conversationFilterShape = {
  status: z.enum(LIST_STATUS_FILTERS).default('open'),
  q: boundedString(200, 'q').optional(),
  departmentId: uuidSchema.optional(),
  /** The assignee. */
  agentId: uuidSchema.optional(),
  /** Created at or after. */
  from: instant(false).optional(),
  /** Created before the end of this day (a date) or up to this time (a date-time). */
  to: instant(true).optional(),
};

export const conversationFilterSchema = z.object(conversationFilterShape);
export type ConversationFilter = z.infer<typeof conversationFilterSchema>;

export const listConversationsQuerySchema = z.object({
  ...conversationFilterShape,
  cursor: boundedString(200, 'cursor').optional(),
  limit: queryInt(1, 200).default(50),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

const MAX_BULK_IDS = 1000;

/** `{ids}`, or a filter (status required, so "everything" is always said out loud). */
export const bulkDeleteSchema = z.union([
  z.strictObject({
    ids: z.array(uuidSchema).min(1).max(MAX_BULK_IDS),
  }),
  z.strictObject({
    ...conversationFilterShape,
    status: z.enum(LIST_STATUS_FILTERS),
    /** Last activity before this point in time. */
    before: instant(false).optional(),
  }),
]);
export type BulkDeleteInput = z.infer<typeof bulkDeleteSchema>;

const MAX_BLOCK_SECONDS = 86_400 * 3650;

export const createBlockSchema = z
  .strictObject({
    visitorId: boundedString(128, 'visitorId').min(1, 'visitorId is empty').optional(),
    ip: z.union([z.ipv4(), z.ipv6()], { error: 'Expected an IP address' }).optional(),
    /** Block the visitor (and address) this conversation was started by. */
    conversationId: uuidSchema.optional(),
    reason: lineString(500, 'Reason').optional(),
    expiresAt: z.iso
      .datetime({ offset: true, error: 'Expected an ISO date-time' })
      .transform((value) => new Date(value))
      .optional(),
    durationSeconds: pgInt(60, MAX_BLOCK_SECONDS).optional(),
  })
  .refine((b) => b.visitorId || b.ip || b.conversationId, {
    error: 'Give a visitorId, an ip or a conversationId',
  })
  .refine((b) => !(b.expiresAt && b.durationSeconds), {
    error: 'Give either expiresAt or durationSeconds, not both',
  });
export type CreateBlockInput = z.infer<typeof createBlockSchema>;

export const blockIdSchema = uuidSchema;

const agentEmail = z.email('Expected an email address').max(254);

export const agentActionSchema = z.strictObject({ agentEmail: agentEmail.optional() });
export const claimSchema = z.strictObject({ agentEmail });
export const agentMessageSchema = z
  .strictObject({ ...messageContentShape, agentEmail })
  .refine(hasMessageContent, EMPTY_MESSAGE);
export const noteSchema = z
  .strictObject({ ...messageContentShape, agentEmail })
  .refine(hasMessageContent, EMPTY_MESSAGE);
/** An edit through the admin API: the agent named by `agentEmail` edits their own message. */
export const adminEditMessageSchema = editMessageSchema.extend({ agentEmail });

/** A partial update: `{<settings key>: {<field>: value, …}, …}`, merged over what is stored. */
/** `POST /api/v1/admin/email/test`: where the test email goes. */
export const emailTestSchema = z.strictObject({ to: emailAddressSchema });

export const settingsPatchSchema = z.record(
  lineString(64, 'A settings key'),
  z.record(lineString(64, 'A settings field'), z.unknown()),
);

export const TEMPLATE_KEYS = [
  'welcome_message',
  'waiting_for_agent',
  'conversation_reopened',
  'unclaimed_reminder_5m',
  'unclaimed_reminder_15m_pin',
  'closed_history_note',
  'offline_message',
  'closing_message',
  'auto_closed',
  'email_reply_subject',
  'email_reply',
  'email_transcript_subject',
  'email_transcript',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Email texts (subjects and openings) rather than messages in a conversation: no flags. */
export const isEmailTemplate = (key: TemplateKey) => key.startsWith('email_');

/** A language tag such as de or pt-BR, as a template's locale. */
export const LOCALE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** '' (the default) is the text for every locale without its own. */
const templateLocale = z
  .string()
  .max(35, 'Expected a language tag such as de or pt-BR')
  .refine((tag) => tag === '' || LOCALE_TAG_PATTERN.test(tag), {
    message: 'Expected a language tag such as de or pt-BR',
  })
  .default('');

export const templateUpsertSchema = z.strictObject({
  key: z.enum(TEMPLATE_KEYS),
  locale: templateLocale,
  text: textSchema,
  notice: z.boolean().optional(),
  persist: z.boolean().optional(),
  telegram: z.boolean().optional(),
  pin: z.boolean().optional(),
  rateLimitSeconds: pgInt(0, 86_400 * 30).optional(),
});
export type TemplateUpsert = z.infer<typeof templateUpsertSchema>;

/** `DELETE /api/v1/admin/message-templates?key=…&locale=…`: back to the inherited text. */
export const templateResetSchema = z.strictObject({
  key: z.enum(TEMPLATE_KEYS),
  locale: templateLocale,
});
export type TemplateReset = z.infer<typeof templateResetSchema>;

/** A visitor block as the admin API shows it. */
export interface VisitorBlock {
  id: string;
  visitorId: string | null;
  ip: string | null;
  reason: string | null;
  conversationId: string | null;
  /** Null: until lifted. */
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
}

/** One conversation exported as JSON: everything stored about it. */
export interface ConversationExport {
  exportedAt: string;
  conversation: AgentConversation;
  /** Each with its attachments (links signed for agents, valid for a day). */
  messages: Message[];
  notes: Note[];
  audit: { id: number; at: string; actor: string; action: string; meta: Record<string, unknown> }[];
}
