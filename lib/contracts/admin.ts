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
