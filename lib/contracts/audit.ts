// The audit log's query and response shapes (`GET /api/v1/admin/audit`).
import { z } from 'zod';

/** A day (`2026-12-01`, UTC) or an instant with its offset (`2026-12-01T09:30:00Z`). */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Actor labels as the log stores them: `agent:<uuid>`, `api-token:<uuid>`, `service`, … */
export const actorLabelSchema = z
  .string()
  .regex(
    /^((agent|api-token):[0-9a-f-]{36}|telegram:-?\d{1,20}|service|system|customer)$/,
    'Expected an actor such as agent:<uuid>, api-token:<uuid>, telegram:<id>, service, system or customer',
  );

export const listAuditQuerySchema = z.object({
  conversationId: z.uuid('Expected a uuid').optional(),
  actor: actorLabelSchema.optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.]{1,64}$/, 'Expected an action such as conversation.claimed')
    .optional(),
  /** Entries at or after this instant. */
  from: instant.optional(),
  /** Entries before this instant; a day on its own includes that whole day. */
  to: instant.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'cursor: not a cursor this API returned')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.string().describe('Decimal id; entries are listed newest first'),
    at: z.iso.datetime({ offset: true }),
    actor: z.string(),
    /** The actor for people: an agent's name, "Service token", "System", … */
    actorName: z.string(),
    action: z.string(),
    conversationId: z.uuid().nullable(),
    meta: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditActionsSchema = z.object({ actions: z.array(z.string()) });
export type AuditActions = z.infer<typeof auditActionsSchema>;
