// The admin API: `SERVICE_TOKEN` or an API token as Bearer, or an admin's session.
import { z } from 'zod';
import {
  agentActionSchema,
  agentMessageSchema,
  claimSchema,
  listConversationsQuerySchema,
  noteSchema as noteBodySchema,
  settingsPatchSchema,
  templateUpsertSchema,
} from '../../contracts/admin';
import {
  apiTokenIdSchema,
  apiTokenListSchema,
  apiTokenResponseSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
} from '../../contracts/api-tokens';
import { auditActionsSchema, auditPageSchema, listAuditQuerySchema } from '../../contracts/audit';
import {
  agentConversationSchema,
  allSettingsSchema,
  conversationDetailsSchema,
  conversationPageSchema,
  messageSchema,
  noteSchema,
  templateViewSchema,
} from '../../contracts/responses';
import { defineRoute } from '../define-route';

const byId = z.object({ id: z.uuid() });
const conversation = z.object({ conversation: agentConversationSchema });
const conversations = 'Admin: conversations';

/** `POST …/{id}/<action>`: one entry per action, as the handler dispatches on it. */
const conversationAction = (
  action: 'claim' | 'close' | 'reopen' | 'block' | 'unblock',
  summary: string,
  body?: z.ZodType,
) =>
  defineRoute({
    method: 'post',
    path: `/api/v1/admin/conversations/{id}/${action}`,
    summary,
    tag: conversations,
    auth: 'admin',
    params: byId,
    body,
    responses: { 200: conversation },
    errors: ['conflict'],
  });

export const adminRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/conversations',
    summary: 'Conversations by status, department or text, newest activity first',
    tag: conversations,
    auth: 'admin',
    query: listConversationsQuerySchema,
    responses: { 200: conversationPageSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/conversations/{id}',
    summary: 'A conversation with its messages and notes',
    tag: conversations,
    auth: 'admin',
    params: byId,
    responses: { 200: conversationDetailsSchema },
  }),
  conversationAction('claim', 'Assign the conversation to an agent', claimSchema),
  conversationAction('close', 'Close the conversation', agentActionSchema),
  conversationAction('reopen', 'Reopen a closed conversation'),
  conversationAction('block', 'Block the customer (their token stops working)'),
  conversationAction('unblock', 'Lift the block'),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/conversations/{id}/messages',
    summary: 'Reply as an agent',
    tag: conversations,
    auth: 'admin',
    params: byId,
    body: agentMessageSchema,
    responses: { 201: z.object({ message: messageSchema }) },
    errors: ['conflict', 'too_large'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/conversations/{id}/notes',
    summary: 'Add an internal note as an agent',
    tag: conversations,
    auth: 'admin',
    params: byId,
    body: noteBodySchema,
    responses: { 201: z.object({ note: noteSchema }) },
    errors: ['too_large'],
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/settings',
    summary: 'Every setting, with its defaults',
    tag: 'Admin: settings',
    auth: 'admin',
    responses: { 200: z.object({ settings: allSettingsSchema }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/settings',
    summary: 'Partial update of settings, effective at once',
    description: 'An unknown key or field, or an invalid value, is a 400 and changes nothing.',
    tag: 'Admin: settings',
    auth: 'admin',
    body: settingsPatchSchema,
    responses: { 200: z.object({ settings: allSettingsSchema }) },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/message-templates',
    summary: 'System-message templates in effect, per key and locale',
    tag: 'Admin: settings',
    auth: 'admin',
    responses: { 200: z.object({ templates: z.array(templateViewSchema) }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/message-templates',
    summary: 'Upsert a template for one key and locale',
    tag: 'Admin: settings',
    auth: 'admin',
    body: templateUpsertSchema,
    responses: { 200: z.object({ template: templateViewSchema }) },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/audit',
    summary: 'The audit log, newest first, with filters and a keyset cursor',
    tag: 'Admin: audit',
    auth: 'admin',
    query: listAuditQuerySchema,
    responses: { 200: auditPageSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/audit/actions',
    summary: 'Every action the audit log holds, for its filter',
    tag: 'Admin: audit',
    auth: 'admin',
    responses: { 200: auditActionsSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/api-tokens',
    summary: 'API tokens, newest first (revoked ones included; never the secret)',
    tag: 'Admin: API tokens',
    auth: 'token-manager',
    responses: { 200: apiTokenListSchema },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/api-tokens',
    summary: 'Create an API token; the secret is in this response only',
    tag: 'Admin: API tokens',
    auth: 'token-manager',
    body: createApiTokenSchema,
    responses: { 201: createdApiTokenSchema },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/admin/api-tokens/{id}',
    summary: 'Revoke an API token (refused with 401 from the next request on)',
    tag: 'Admin: API tokens',
    auth: 'token-manager',
    params: z.object({ id: apiTokenIdSchema }),
    responses: { 200: apiTokenResponseSchema },
    errors: ['conflict'],
  }),
];
