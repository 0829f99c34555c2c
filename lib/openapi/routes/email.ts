// Email (DESIGN §14): reopening a conversation from an email, one-click unsubscribe, replies
// posted by an inbound mail provider, and the console's email status and test.
import { z } from 'zod';
import { emailTestSchema } from '../../contracts/admin';
import { resumeRequestSchema, unsubscribeQuerySchema } from '../../contracts/customer';
import { customerConversationSchema, messageSchema } from '../../contracts/responses';
import { defineRoute } from '../define-route';

const tag = 'Email';

/** The JSON shape of an inbound email (Postmark's field names are read as well). */
const inboundJsonSchema = z.object({
  from: z.string().optional(),
  to: z.union([z.string(), z.array(z.string())]).describe('Includes the reply address'),
  text: z.string().optional(),
  messageId: z.string().optional(),
  raw: z.string().optional().describe('The whole MIME message instead of the fields'),
});

const emailStatusSchema = z
  .object({
    state: z.string().describe('off, ok, or what is wrong with the SMTP server'),
    fix: z.string().nullable(),
    source: z.enum(['env', 'database', 'off']),
    from: z.string().nullable(),
    inbound: z.boolean(),
    inboundUrl: z.string(),
    pending: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: 'EmailStatus' });

export const emailRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/v1/email/resume',
    summary: 'Trade the token of an email’s reopen link for the conversation’s customer token',
    description:
      'The link opens the page the conversation came from with `#parley-resume=<token>`; the ' +
      'widget reads it and calls this. Tokens of a link last 30 days.',
    tag,
    auth: 'none',
    cors: true,
    body: resumeRequestSchema,
    responses: {
      200: z.object({ conversation: customerConversationSchema, token: z.string() }),
    },
    errors: ['unauthorized', 'blocked'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/email/unsubscribe',
    summary: 'One-click unsubscribe (RFC 8058): no more email to this address',
    description:
      'The URL of every email’s List-Unsubscribe header. A browser form (Accept: text/html) ' +
      'is sent back to /unsubscribe with 303.',
    tag,
    auth: 'none',
    query: unsubscribeQuerySchema,
    responses: { 200: z.object({ unsubscribed: z.literal(true) }) },
    errors: ['unauthorized'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/email/inbound',
    summary: 'A reply to Parley’s email, posted by an inbound mail provider',
    description:
      'Takes `message/rfc822` (raw MIME), JSON (this shape, or Postmark’s `From`, `To`, ' +
      '`TextBody`, `MessageID`), or a form (Mailgun’s `recipient`, `body-plain`; SendGrid’s ' +
      '`to`, `text` or `email`). The conversation is found by the signed reply address; the ' +
      'quoted history is cut off. 201 when it became the customer’s message, 200 with ' +
      '`ignored` for mail that belongs nowhere (no reply address, an auto-reply, a blocked ' +
      'conversation). 404 while no inbound secret is set. Bodies up to 10 MB.',
    tag,
    auth: 'inbound-email',
    body: inboundJsonSchema,
    responses: {
      201: z.object({ status: z.literal('posted'), message: messageSchema }),
      200: z.object({ status: z.literal('ignored'), reason: z.string() }),
    },
    errors: ['not_found', 'unsupported_media_type'],
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/email',
    summary: 'Whether email works, where its configuration comes from, what waits to go out',
    tag: 'Admin: Email',
    auth: 'admin',
    responses: { 200: z.object({ email: emailStatusSchema }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/email/test',
    summary: 'Send a test email through the SMTP server in effect, now',
    description: '503 with the reason when the server refuses or does not answer.',
    tag: 'Admin: Email',
    auth: 'admin',
    body: emailTestSchema,
    responses: { 200: z.object({ sent: z.object({ to: z.string() }) }) },
    errors: ['conflict', 'unavailable'],
  }),
];
