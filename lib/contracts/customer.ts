// Request schemas of the customer (widget) API and the `/customer` socket namespace.
import { z } from 'zod';
import type { CustomerSendPayload } from './customer-events';
import { boundedString, lineString, pgInt, queryInt, uuidSchema as uuid } from './fields';
import { EMPTY_MESSAGE, hasMessageContent, messageContentShape } from './message-content';
import { emailAddressSchema } from './settings';
import { clientIdSchema, customerNameSchema } from './text';

export const conversationIdSchema = uuid;

/** A pre-chat answer: text, a number (bounded, so it survives JSON and jsonb) or a flag. */
const fieldValue = z.union([
  boundedString(1000, 'A field'),
  z.number().min(-1e15).max(1e15),
  z.boolean(),
  z.null(),
]);

export const startConversationSchema = z.strictObject({
  departmentId: uuid.optional(),
  name: customerNameSchema.optional(),
  /** Where replies go by email once the visitor left the page. */
  email: emailAddressSchema.optional(),
  fields: z
    .record(lineString(64, 'A field name').min(1, 'A field name is empty'), fieldValue)
    .refine((f) => Object.keys(f).length <= 50, 'At most 50 fields')
    .optional(),
  visitorId: boundedString(128, 'visitorId').min(1, 'visitorId is empty').optional(),
  page: z
    .strictObject({
      url: boundedString(2048, 'page.url').optional(),
      title: lineString(512, 'page.title').optional(),
      referrer: boundedString(2048, 'page.referrer').optional(),
    })
    .optional(),
  /** An HS256 JWT from the site's backend: the visitor's verified identity. */
  identityToken: z
    .string()
    .max(4096, 'identityToken is too long')
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/, 'identityToken is not a JWT')
    .optional(),
  locale: z
    .string()
    .max(35, 'Expected a BCP 47 language tag')
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP 47 language tag')
    .optional(),
});
export type StartConversationInput = z.infer<typeof startConversationSchema>;

export const sendMessageSchema = z
  .strictObject({ ...messageContentShape, clientId: clientIdSchema })
  .refine(hasMessageContent, EMPTY_MESSAGE) satisfies z.ZodType<unknown, CustomerSendPayload>;
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

/** `PATCH /api/v1/conversations/:id`: the name agents see, the address for replies, or both. */
export const updateCustomerSchema = z
  .strictObject({ name: customerNameSchema.optional(), email: emailAddressSchema.optional() })
  .refine((body) => body.name !== undefined || body.email !== undefined, 'Give a name or an email');

/** `POST /api/v1/conversations/:id/transcript`: the address, unless the visitor left one. */
export const transcriptRequestSchema = z.strictObject({ email: emailAddressSchema.optional() });

/** `POST /api/v1/email/resume`: the token of a reopen link from an email. */
export const resumeRequestSchema = z.strictObject({
  token: z
    .string()
    .max(2048, 'Not a reopen link')
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'Not a reopen link'),
});

/** The token of an unsubscribe link (`?token=`). */
export const unsubscribeQuerySchema = z.object({
  token: z
    .string()
    .max(2048, 'Not an unsubscribe link')
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'Not an unsubscribe link'),
});

export const historyQuerySchema = z.object({
  after: queryInt(0).optional(),
});

export const attachmentIdSchema = uuid;

/** The query of a signed download link, as `attachmentUrl` writes it. */
export const attachmentLinkQuerySchema = z.object({
  variant: z.enum(['file', 'thumb']).default('file'),
  for: z
    .string()
    .max(32, 'Not a download link')
    .regex(/^(agents|customer\.\d{1,9})$/, 'Not a download link'),
  /** Unix seconds. */
  expires: queryInt(0),
  signature: z
    .string()
    .max(64, 'Not a download link')
    .regex(/^[A-Za-z0-9_-]{43}$/, 'Not a download link'),
});

export const typingSchema = z.object({ typing: z.boolean() });
export const seenSchema = z.object({ seq: pgInt(0) });
