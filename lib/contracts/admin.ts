// Request schemas of the admin API.
import { z } from 'zod';
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

export const listConversationsQuerySchema = z.object({
  status: z.enum(LIST_STATUS_FILTERS).default('open'),
  q: z.string().trim().max(200).optional(),
  departmentId: z.uuid('Expected a uuid').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

const agentEmail = z.email('Expected an email address').max(254);

export const agentActionSchema = z.strictObject({ agentEmail: agentEmail.optional() });
export const claimSchema = z.strictObject({ agentEmail });
export const agentMessageSchema = z.strictObject({ text: textSchema, agentEmail });
export const noteSchema = z.strictObject({ text: textSchema, agentEmail });

/** A partial update: `{<settings key>: {<field>: value, …}, …}`, merged over what is stored. */
export const settingsPatchSchema = z.record(
  z.string().max(64),
  z.record(z.string().max(64), z.unknown()),
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
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** A language tag such as de or pt-BR, as a template's locale. */
export const LOCALE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** '' (the default) is the text for every locale without its own. */
const templateLocale = z
  .string()
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
  rateLimitSeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400 * 30)
    .optional(),
});
export type TemplateUpsert = z.infer<typeof templateUpsertSchema>;

/** `DELETE /api/v1/admin/message-templates?key=…&locale=…`: back to the inherited text. */
export const templateResetSchema = z.strictObject({
  key: z.enum(TEMPLATE_KEYS),
  locale: templateLocale,
});
export type TemplateReset = z.infer<typeof templateResetSchema>;
