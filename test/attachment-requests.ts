// Attachments through the route handlers, as the tests drive them: a conversation started
// by a customer, uploads by the customer or an agent, messages that carry them, and signed
// links followed the way a browser would.
import { expect } from 'vitest';
import * as agentUploadRoute from '@/app/api/v1/agent/conversations/[id]/attachments/route';
import * as downloadRoute from '@/app/api/v1/conversations/[id]/attachments/[attachmentId]/route';
import * as uploadRoute from '@/app/api/v1/conversations/[id]/attachments/route';
import * as messagesRoute from '@/app/api/v1/conversations/[id]/messages/route';
import * as conversationRoute from '@/app/api/v1/conversations/[id]/route';
import * as conversationsRoute from '@/app/api/v1/conversations/route';
import type {
  Attachment,
  ConversationHistoryResponse,
  StartConversationResponse,
} from '@/lib/contracts';
import { apiRequest, routeParams } from './api-requests';
import { nextClientId } from './factories';
import * as files from './files';

export const SERVICE = 'test-service-token-0123456789';

export async function started(): Promise<StartConversationResponse> {
  const response = await conversationsRoute.POST(
    apiRequest('POST', '/conversations', { body: {} }),
  );
  expect(response.status).toBe(201);
  return response.json();
}

export function uploadRequest(path: string, file: files.TestFile, headers: Record<string, string>) {
  return new Request(`http://localhost:3000/api/v1${path}`, {
    method: 'POST',
    headers: { 'x-parley-client-ip': '203.0.113.7', ...headers },
    body: files.multipart(file),
  });
}

export const upload = (id: string, token: string, file: files.TestFile) =>
  uploadRoute.POST(
    uploadRequest(`/conversations/${id}/attachments`, file, { authorization: `Bearer ${token}` }),
    routeParams({ id }),
  );

async function attachmentOf(response: Response): Promise<Attachment> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.attachment;
}

/** A customer's upload, which must succeed. */
export async function uploaded(id: string, token: string, file: files.TestFile) {
  return attachmentOf(await upload(id, token, file));
}

/** An agent's upload from the inbox (session cookie), which must succeed. */
export async function agentUploaded(id: string, cookie: string, file: files.TestFile) {
  return attachmentOf(
    await agentUploadRoute.POST(
      uploadRequest(`/agent/conversations/${id}/attachments`, file, { cookie }),
      routeParams({ id }),
    ),
  );
}

export const send = (id: string, token: string, body: Record<string, unknown>) =>
  messagesRoute.POST(
    apiRequest('POST', `/conversations/${id}/messages`, {
      token,
      body: { clientId: nextClientId(), text: '', ...body },
    }),
    routeParams({ id }),
  );

export async function history(id: string, token: string): Promise<ConversationHistoryResponse> {
  const response = await conversationRoute.GET(
    apiRequest('GET', `/conversations/${id}`, { token }),
    routeParams({ id }),
  );
  return response.json();
}

/** Follows a link the way a browser would, with optional extra headers. */
export function follow(url: string, headers: Record<string, string> = {}) {
  const { pathname, search } = new URL(url);
  const [, , , , id, , attachmentId] = pathname.split('/');
  return downloadRoute.GET(
    new Request(`http://localhost:3000${pathname}${search}`, { headers }),
    routeParams({ id: id!, attachmentId: attachmentId! }),
  );
}

export const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
