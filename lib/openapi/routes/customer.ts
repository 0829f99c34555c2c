// The customer (widget) API: CORS for the allowed site origins.
import { z } from 'zod';
import {
  attachmentLinkQuerySchema,
  historyQuerySchema,
  sendMessageSchema,
  startConversationSchema,
  transcriptRequestSchema,
  updateCustomerSchema,
} from '../../contracts/customer';
import {
  conversationHistorySchema,
  customerConversationSchema,
  messageSchema,
  startConversationResponseSchema,
  telegramChatLinkSchema,
  uploadAttachmentResponseSchema,
  widgetConfigSchema,
} from '../../contracts/responses';
import { defineRoute } from '../define-route';

const tag = 'Customer';
const conversation = z.object({ id: z.uuid() });

export const customerRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/widget/config',
    summary:
      'Widget configuration: look, texts, the team and its faces, departments, pre-chat form, online state',
    tag,
    auth: 'none',
    cors: true,
    responses: { 200: widgetConfigSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations',
    summary: 'Start a conversation',
    description: 'Returns the conversation and the bearer token bound to it (no time expiry).',
    tag,
    auth: 'none',
    cors: true,
    body: startConversationSchema,
    responses: { 201: startConversationResponseSchema },
    errors: ['blocked', 'rate_limited'],
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/conversations/{id}',
    summary: 'The transcript, or the messages after a seq (catch-up after a reconnect)',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    query: historyQuerySchema,
    responses: { 200: conversationHistorySchema },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/conversations/{id}',
    summary: 'Set the customer’s name, or the address replies go to by email, or both',
    description: 'Giving an email address again also lifts an earlier unsubscribe of that address.',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    body: updateCustomerSchema,
    responses: { 200: z.object({ conversation: customerConversationSchema }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/{id}/messages',
    summary: 'Send a message',
    description:
      'The same `clientId` again answers 200 with the message already stored. `replyToId` ' +
      'quotes a message of the same conversation (400 otherwise, or when it was deleted).',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    body: sendMessageSchema,
    responses: {
      201: z.object({ message: messageSchema }),
      200: z.object({ message: messageSchema }),
    },
    errors: ['blocked', 'conflict', 'too_large', 'rate_limited'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/{id}/transcript',
    summary: 'Email the transcript of the closed conversation to the visitor',
    description:
      'To `email`, or the address the visitor left before (which `email` replaces). Once ' +
      'every five minutes per conversation; 409 while the conversation is open, 503 when ' +
      'email is not set up.',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    body: transcriptRequestSchema,
    bodyOptional: true,
    responses: { 202: z.object({ email: z.string() }) },
    errors: ['blocked', 'conflict', 'rate_limited', 'unavailable'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/{id}/telegram-link',
    summary: 'Continue in Telegram: a one-time link to the bot’s private chat',
    description:
      'Opening the link sends `/start <code>` from the customer’s chat with the bot, which ' +
      'attaches that chat to this conversation: agents’ replies then reach the widget and the ' +
      'chat, and what the customer writes there lands here. The code works once, for 30 ' +
      'minutes; 409 while Telegram is not set up.',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    responses: { 201: telegramChatLinkSchema },
    errors: ['blocked', 'conflict'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/{id}/attachments',
    summary: 'Upload a file, to send it with a message (`attachmentIds`)',
    description:
      'The type is taken from the bytes and must be an image (PNG, JPEG, GIF, WebP), PDF, ' +
      'text, CSV, an office document or a zip archive; images are re-encoded without their ' +
      'metadata and get a thumbnail. ATTACHMENT_MAX_BYTES (10 MB) per file; a per-conversation ' +
      'quota and upload rate apply.',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    upload: true,
    responses: { 201: uploadAttachmentResponseSchema },
    errors: ['blocked', 'too_large', 'unsupported_media_type', 'rate_limited'],
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/conversations/{id}/attachments/{attachmentId}',
    summary: 'Download an attachment by its signed link (`url`, `thumbnailUrl`)',
    description:
      'Links expire and are made for the conversation’s customer or for agents (who also ' +
      'need their session or an admin token). Images are shown inline, everything else is a ' +
      'download; always with `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`.',
    tag,
    auth: 'none',
    cors: true,
    params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
    query: attachmentLinkQuerySchema,
    download: true,
    responses: { 200: null },
    errors: ['unauthorized', 'forbidden'],
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/avatars/{file}',
    summary: 'An agent’s profile photo (`avatarUrl`)',
    description:
      'Public and named by a content hash, so it can be cached for good; WebP, with ' +
      '`X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`.',
    tag,
    auth: 'none',
    params: z.object({ file: z.string().regex(/^[0-9a-f]{32}\.webp$/) }),
    download: true,
    responses: { 200: null },
  }),
];
