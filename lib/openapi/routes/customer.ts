// The customer (widget) API: CORS for the allowed site origins.
import { z } from 'zod';
import {
  historyQuerySchema,
  renameSchema,
  sendMessageSchema,
  startConversationSchema,
} from '../../contracts/customer';
import {
  conversationHistorySchema,
  customerConversationSchema,
  messageSchema,
  startConversationResponseSchema,
  widgetConfigSchema,
} from '../../contracts/responses';
import { defineRoute } from '../define-route';

const tag = 'Customer';
const conversation = z.object({ id: z.uuid() });

export const customerRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/widget/config',
    summary: 'Widget configuration: look, texts, departments, pre-chat form, online state',
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
    summary: 'Set the customer’s name',
    tag,
    auth: 'customer',
    cors: true,
    params: conversation,
    body: renameSchema,
    responses: { 200: z.object({ conversation: customerConversationSchema }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/{id}/messages',
    summary: 'Send a message',
    description: 'The same `clientId` again answers 200 with the message already stored.',
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
];
