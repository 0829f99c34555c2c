// The admin API: `SERVICE_TOKEN` or an API token as Bearer, or an admin's session.
// Conversations (with the console's exports, count and bulk delete), visitor blocks,
// settings and templates, the audit log and API tokens; the team, departments and Telegram
// have files of their own.
import { z } from 'zod';
import {
  adminEditMessageSchema,
  agentActionSchema,
  agentMessageSchema,
  blockIdSchema,
  bulkDeleteSchema,
  claimSchema,
  conversationFilterSchema,
  createBlockSchema,
  listConversationsQuerySchema,
  noteSchema as noteBodySchema,
  settingsPatchSchema,
  templateResetSchema,
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
  bulkDeleteResultSchema,
  conversationCountSchema,
  conversationExportSchema,
  templateCatalogSchema,
  visitorBlockSchema,
  workingHoursStatusSchema,
} from '../../contracts/console-responses';
import { messageParams } from '../../contracts/params';
import {
  adminSettingsSchema,
  agentConversationSchema,
  conversationDetailsSchema,
  conversationPageSchema,
  messageResponseSchema,
  messageSchema,
  noteSchema,
  templateViewSchema,
  uploadAttachmentResponseSchema,
} from '../../contracts/responses';
import { TRANSCRIPT_CSV_COLUMNS } from '../../conversations/export-conversation';
import { CONVERSATION_CSV_COLUMNS } from '../../conversations/export-conversations-csv';
import { byId, defineRoute, fileResponse } from '../define-route';

const conversation = z.object({ conversation: agentConversationSchema });
const conversations = 'Admin: conversations';
const block = z.object({ block: visitorBlockSchema });
const CSV = 'CSV (UTF-8 with a byte-order mark, RFC 4180 quoting, formulas defused)';

/** `POST …/{id}/<action>`: one entry per action, as the handler dispatches on it. */
const conversationAction = (
  action: 'claim' | 'close' | 'reopen' | 'block' | 'unblock',
  summary: string,
  body?: z.ZodType,
  bodyOptional?: boolean,
) =>
  defineRoute({
    method: 'post',
    path: `/api/v1/admin/conversations/{id}/${action}`,
    summary,
    tag: conversations,
    auth: 'admin',
    params: byId,
    body,
    bodyOptional,
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
  conversationAction('close', 'Close the conversation', agentActionSchema, true),
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
    description: '`replyToId` quotes a message of the same conversation (400 otherwise).',
    responses: { 201: z.object({ message: messageSchema }) },
    errors: ['conflict', 'too_large'],
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/admin/conversations/{id}/messages/{messageId}',
    summary: 'Edit a message as the agent who wrote it',
    description:
      'The agent named by `agentEmail` edits their own message within 15 minutes of sending it (`MESSAGE_EDIT_WINDOW_SECONDS`); ' +
      "another agent's message → 403, later or a deleted message → 409.",
    tag: conversations,
    auth: 'admin',
    params: messageParams,
    body: adminEditMessageSchema,
    responses: { 200: messageResponseSchema },
    errors: ['forbidden', 'conflict', 'too_large'],
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/admin/conversations/{id}/messages/{messageId}',
    summary: 'Delete any message (moderation)',
    description:
      'The message keeps its place and seq, loses its text and files, and shows as ' +
      '"Message deleted" everywhere, the Telegram topic included. A deleted one → 409.',
    tag: conversations,
    auth: 'admin',
    params: messageParams,
    responses: { 200: messageResponseSchema },
    errors: ['conflict'],
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/conversations/{id}/attachments',
    summary: 'Upload a file to send with a reply (`attachmentIds`)',
    tag: conversations,
    auth: 'admin',
    params: byId,
    upload: true,
    responses: { 201: uploadAttachmentResponseSchema },
    errors: ['too_large', 'unsupported_media_type', 'rate_limited'],
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
    path: '/api/v1/admin/conversations/count',
    summary: 'How many conversations the filters match',
    tag: conversations,
    auth: 'admin',
    query: conversationFilterSchema,
    responses: { 200: conversationCountSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/conversations/export.csv',
    summary: 'The conversations the filters match as CSV, streamed, newest activity first',
    tag: conversations,
    auth: 'admin',
    query: conversationFilterSchema,
    responses: {
      200: fileResponse(
        'text/csv',
        z.string(),
        `${CSV}, one row per conversation: ${CONVERSATION_CSV_COLUMNS.join(', ')}`,
      ),
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/conversations/bulk-delete',
    summary: 'Delete conversations for good, by ids or by filter',
    description:
      'Messages, notes and Telegram topics go with them; an audit entry with the count stays. ' +
      'A filter must name its `status` (`all` for every one); `before` is the last activity.',
    tag: conversations,
    auth: 'admin',
    body: bulkDeleteSchema,
    responses: { 200: bulkDeleteResultSchema },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/conversations/{id}/export.json',
    summary: 'Everything stored about one conversation, as a JSON file',
    tag: conversations,
    auth: 'admin',
    params: byId,
    responses: {
      200: fileResponse(
        'application/json',
        conversationExportSchema,
        'The conversation, its messages, notes and audit entries',
      ),
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/conversations/{id}/export.csv',
    summary: 'One conversation’s transcript and notes, interleaved by time, as CSV',
    tag: conversations,
    auth: 'admin',
    params: byId,
    responses: {
      200: fileResponse(
        'text/csv',
        z.string(),
        `${CSV}, one row per message and note: ${TRANSCRIPT_CSV_COLUMNS.join(', ')}`,
      ),
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/blocks',
    summary: 'Visitor blocks in force, newest first',
    tag: 'Admin: blocks',
    auth: 'admin',
    responses: { 200: z.object({ blocks: z.array(visitorBlockSchema) }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/blocks',
    summary: 'Block a visitor id and/or an IP address from starting conversations',
    description:
      'With `conversationId`, the visitor id and address that conversation was started from ' +
      '(404 for an unknown conversation). Without `expiresAt` or `durationSeconds`: until lifted.',
    tag: 'Admin: blocks',
    auth: 'admin',
    body: createBlockSchema,
    responses: { 201: block },
    errors: ['not_found'],
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/admin/blocks/{id}',
    summary: 'Lift a visitor block at once',
    tag: 'Admin: blocks',
    auth: 'admin',
    params: z.object({ id: blockIdSchema }),
    responses: { 200: block },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/settings',
    summary: 'Every setting, with its defaults',
    tag: 'Admin: settings',
    auth: 'admin',
    responses: { 200: z.object({ settings: adminSettingsSchema }) },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/admin/settings',
    summary: 'Partial update of settings, effective at once',
    description: 'An unknown key or field, or an invalid value, is a 400 and changes nothing.',
    tag: 'Admin: settings',
    auth: 'admin',
    body: settingsPatchSchema,
    responses: { 200: z.object({ settings: adminSettingsSchema }) },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/working-hours/status',
    summary: 'Whether the team counts as open right now, judged by the stored working hours',
    tag: 'Admin: settings',
    auth: 'admin',
    responses: { 200: z.object({ status: workingHoursStatusSchema }) },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/admin/message-templates',
    summary: 'System-message templates in effect, per key and locale, and the built-in ones',
    tag: 'Admin: settings',
    auth: 'admin',
    responses: { 200: templateCatalogSchema },
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
    method: 'delete',
    path: '/api/v1/admin/message-templates',
    summary: 'Remove a stored text: the template falls back to the one it inherits',
    description:
      'A locale falls back to its language, then to the default text; the default to the built-in one. ' +
      '404 when nothing is stored for that key and locale.',
    tag: 'Admin: settings',
    auth: 'admin',
    query: templateResetSchema,
    responses: { 200: z.object({ template: templateViewSchema }) },
    errors: ['not_found'],
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
