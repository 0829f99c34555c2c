// Request schemas of the customer (widget) API and the `/customer` socket namespace.
import { z } from 'zod';
import type { CustomerSendPayload } from './customer-events';
import { EMPTY_MESSAGE, hasMessageContent, messageContentShape } from './message-content';
import { clientIdSchema, customerNameSchema } from './text';

const uuid = z.uuid('Expected a uuid');

export const conversationIdSchema = uuid;

const shortString = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim());

export const startConversationSchema = z.strictObject({
  departmentId: uuid.optional(),
  name: customerNameSchema.optional(),
  fields: z
    .record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .refine((f) => Object.keys(f).length <= 50, 'At most 50 fields')
    .optional(),
  visitorId: z.string().min(1).max(128).optional(),
  page: z
    .strictObject({
      url: shortString(2048).optional(),
      title: shortString(512).optional(),
      referrer: shortString(2048).optional(),
    })
    .optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP 47 language tag')
    .optional(),
});
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z
  .strictObject({ ...messageContentShape, clientId: clientIdSchema })
  .refine(hasMessageContent, EMPTY_MESSAGE) satisfies z.ZodType<unknown, CustomerSendPayload>;
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const renameSchema = z.strictObject({ name: customerNameSchema });

export const historyQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional(),
});

export const attachmentIdSchema = uuid;

/** The query of a signed download link, as `attachmentUrl` writes it. */
export const attachmentLinkQuerySchema = z.object({
  variant: z.enum(['file', 'thumb']).default('file'),
  for: z.string().regex(/^(agents|customer\.\d{1,9})$/, 'Not a download link'),
  expires: z.coerce.number().int().min(0).max(99_999_999_999),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a download link'),
});

export const typingSchema = z.object({ typing: z.boolean() });
export const seenSchema = z.object({ seq: z.number().int().min(0) });
