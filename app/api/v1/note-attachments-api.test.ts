// Files on private notes: agents attach them like replies, only agents can open them, they
// never reach the customer, and they stay as long as the note does.
import { describe, expect, it } from 'vitest';
import { removeUnsentUploads } from '@/lib/attachments/remove-attachments';
import { attachmentUrl } from '@/lib/attachments/signed-url';
import type { AgentConversation, Message, Note, TranscriptPage } from '@/lib/contracts';
import { exportConversationCsv } from '@/lib/conversations/export-conversation';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import {
  agentUploaded,
  bytesOf,
  follow,
  history,
  SERVICE,
  started,
  uploadRequest,
} from '@/test/attachment-requests';
import { createAgent } from '@/test/factories';
import * as files from '@/test/files';
import * as adminUploadRoute from './admin/conversations/[id]/attachments/route';
import * as adminNotesRoute from './admin/conversations/[id]/notes/route';
import * as adminConversationRoute from './admin/conversations/[id]/route';
import * as agentMessagesRoute from './agent/conversations/[id]/messages/route';
import * as agentNotesRoute from './agent/conversations/[id]/notes/route';

const DAY = 86_400_000;

async function inboxAgent() {
  const agent = await createAgent({ name: 'Ann' });
  return { agent, cookie: await sessionCookie(agent.id) };
}

const addNote = (id: string, cookie: string, body: Record<string, unknown>) =>
  agentNotesRoute.POST(
    apiRequest('POST', `/agent/conversations/${id}/notes`, { headers: { cookie }, body }),
    routeParams({ id }),
  );

async function noted(id: string, cookie: string, body: Record<string, unknown>): Promise<Note> {
  const response = await addNote(id, cookie, body);
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json.note;
}

async function transcript(id: string, cookie: string): Promise<TranscriptPage> {
  const response = await agentMessagesRoute.GET(
    apiRequest('GET', `/agent/conversations/${id}/messages`, { headers: { cookie } }),
    routeParams({ id }),
  );
  return response.json();
}

describe('files on private notes', () => {
  it('an agent adds a note of files (with or without text), read back with agents’ links', async () => {
    const { conversation } = await started();
    const { cookie } = await inboxAgent();
    const guide = await agentUploaded(conversation.id, cookie, {
      name: 'guide.pdf',
      bytes: files.pdf(),
    });
    const shot = await agentUploaded(conversation.id, cookie, {
      name: 'shot.png',
      bytes: await files.png(),
    });
    const note = await noted(conversation.id, cookie, {
      text: 'Logs from the call',
      attachmentIds: [shot.id, guide.id],
    });
    expect(note.attachments.map((a) => [a.name, a.type])).toEqual([
      ['shot.png', 'image/png'],
      ['guide.pdf', 'application/pdf'],
    ]);
    const filesOnly = await noted(conversation.id, cookie, {
      text: '',
      attachmentIds: [
        (await agentUploaded(conversation.id, cookie, { name: 'b.pdf', bytes: files.pdf() })).id,
      ],
    });
    expect(filesOnly.text).toBe('');

    const page = await transcript(conversation.id, cookie);
    expect(page.notes.map((n) => n.attachments.map((a) => a.name))).toEqual([
      ['shot.png', 'guide.pdf'],
      ['b.pdf'],
    ]);
    const link = page.notes[0]!.attachments[1]!.url;
    expect(new URL(link).searchParams.get('for')).toBe('agents');
    await expectError(await follow(link), 401, 'unauthorized');
    expect(await bytesOf(await follow(link, { cookie }))).toEqual(files.pdf());
    expect(page.notes[0]!.attachments[0]!.thumbnailUrl).toBeTruthy();

    const { body: csv } = await exportConversationCsv(conversation.id);
    expect(csv).toContain('shot.png (image/png');
    expect(csv).toContain('b.pdf (application/pdf');
  });

  it('never reaches the customer: not in their history, and no customer link opens it', async () => {
    const { conversation, token } = await started();
    const { cookie } = await inboxAgent();
    const secret = await agentUploaded(conversation.id, cookie, {
      name: 'internal.pdf',
      bytes: files.pdf(),
    });
    await noted(conversation.id, cookie, { text: 'Internal', attachmentIds: [secret.id] });

    const seen = await history(conversation.id, token);
    expect(seen.messages.flatMap((m) => m.attachments)).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain(secret.id);
    // Even a correctly signed customer link (as if one had leaked) finds nothing.
    const forged = attachmentUrl(conversation.id, secret.id, 'file', {
      kind: 'customer',
      tokenVersion: 1,
    });
    await expectError(await follow(forged, { authorization: `Bearer ${token}` }), 404, 'not_found');
  });

  it('takes each upload once: a note’s file cannot go in a message, nor twice', async () => {
    const { conversation } = await started();
    const { cookie } = await inboxAgent();
    const file = await agentUploaded(conversation.id, cookie, {
      name: 'a.pdf',
      bytes: files.pdf(),
    });
    await noted(conversation.id, cookie, { text: 'one', attachmentIds: [file.id] });
    await expectError(
      await addNote(conversation.id, cookie, { text: 'again', attachmentIds: [file.id] }),
      409,
      'conflict',
    );
    const reply = await agentMessagesRoute.POST(
      apiRequest('POST', `/agent/conversations/${conversation.id}/messages`, {
        headers: { cookie },
        body: { text: 'x', attachmentIds: [file.id] },
      }),
      routeParams({ id: conversation.id }),
    );
    await expectError(reply, 409, 'conflict');
    await expectError(await addNote(conversation.id, cookie, { text: '' }), 400, 'invalid_request');
    const other = await started();
    await expectError(
      await addNote(other.conversation.id, cookie, { text: 'x', attachmentIds: [file.id] }),
      400,
      'invalid_request',
    );
  });

  it('through the admin API, and kept by the sweep of unsent uploads', async () => {
    const { conversation } = await started();
    const agent = await createAgent({ name: 'Bo' });
    const response = await adminUploadRoute.POST(
      uploadRequest(
        `/admin/conversations/${conversation.id}/attachments`,
        { name: 'report.pdf', bytes: files.pdf() },
        { authorization: `Bearer ${SERVICE}` },
      ),
      routeParams({ id: conversation.id }),
    );
    const { attachment } = await response.json();
    const added = await adminNotesRoute.POST(
      apiRequest('POST', `/admin/conversations/${conversation.id}/notes`, {
        token: SERVICE,
        body: { agentEmail: agent.email, text: '', attachmentIds: [attachment.id] },
      }),
      routeParams({ id: conversation.id }),
    );
    expect(added.status).toBe(201);

    await removeUnsentUploads(new Date(Date.now() + 2 * DAY));
    const details = (await (
      await adminConversationRoute.GET(
        apiRequest('GET', `/admin/conversations/${conversation.id}`, { token: SERVICE }),
        routeParams({ id: conversation.id }),
      )
    ).json()) as { conversation: AgentConversation; messages: Message[]; notes: Note[] };
    const [kept] = details.notes[0]!.attachments;
    expect(kept?.name).toBe('report.pdf');
    const download = await follow(kept!.url, { authorization: `Bearer ${SERVICE}` });
    expect(await bytesOf(download)).toEqual(files.pdf());
  });
});
