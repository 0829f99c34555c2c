// Attachments through the route handlers (DESIGN §13): uploads by customers, agents and
// the admin API, what is accepted and refused, sending them with messages, and the signed
// download links with the headers that keep a browser from running what it downloads.

import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { serviceActor } from '@/lib/actor';
import { attachmentUrl } from '@/lib/attachments/signed-url';
import type { Attachment, Message, TranscriptPage } from '@/lib/contracts';
import { blockConversation } from '@/lib/conversations/block-conversation';
import { db } from '@/lib/db/client';
import { conversations } from '@/lib/db/schema';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import {
  bytesOf,
  follow,
  history,
  SERVICE,
  send,
  started,
  upload,
  uploaded,
  uploadRequest,
} from '@/test/attachment-requests';
import { createAgent } from '@/test/factories';
import * as files from '@/test/files';
import * as adminUploadRoute from './admin/conversations/[id]/attachments/route';
import * as adminMessagesRoute from './admin/conversations/[id]/messages/route';
import * as agentUploadRoute from './agent/conversations/[id]/attachments/route';
import * as agentMessagesRoute from './agent/conversations/[id]/messages/route';
import * as uploadRoute from './conversations/[id]/attachments/route';

describe('POST /api/v1/conversations/:id/attachments', () => {
  it('accepts each allowed kind of file, typed from its bytes', async () => {
    const { conversation, token } = await started();
    const cases: Array<[files.TestFile, string, string]> = [
      [{ name: 'photo.png', bytes: await files.png() }, 'image/png', 'photo.png'],
      [{ name: 'IMG_1.JPG', bytes: await files.jpegWithGps() }, 'image/jpeg', 'IMG_1.JPG'],
      [{ name: 'funny.gif', bytes: await files.gif() }, 'image/gif', 'funny.gif'],
      [{ name: 'sticker.webp', bytes: await files.webp() }, 'image/webp', 'sticker.webp'],
      [{ name: 'invoice.pdf', bytes: files.pdf() }, 'application/pdf', 'invoice.pdf'],
      [{ name: 'notes.txt', bytes: Buffer.from('Order 42\nplease') }, 'text/plain', 'notes.txt'],
      [{ name: 'items.csv', bytes: Buffer.from('sku,qty\nA1,2\n') }, 'text/csv', 'items.csv'],
      [
        { name: 'letter.docx', bytes: files.docx() },
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'letter.docx',
      ],
      [{ name: 'logs.zip', bytes: files.plainZip() }, 'application/zip', 'logs.zip'],
      // The bytes decide, and the name gets the matching extension.
      [{ name: 'screenshot', bytes: await files.png() }, 'image/png', 'screenshot.png'],
      [{ name: 'report.pdf', bytes: Buffer.from('just text') }, 'text/plain', 'report.pdf.txt'],
    ];
    for (const [file, type, name] of cases) {
      const attachment = await uploaded(conversation.id, token, file);
      expect({ type: attachment.type, name: attachment.name }, file.name).toEqual({ type, name });
    }
  });

  it('refuses executables (also renamed), HTML, SVG, binary junk and empty files', async () => {
    const { conversation, token } = await started();
    const refused: files.TestFile[] = [
      { name: 'setup.exe', bytes: files.windowsExecutable() },
      { name: 'invoice.pdf', bytes: files.windowsExecutable() },
      { name: 'holiday.jpg', bytes: files.linuxExecutable() },
      { name: 'page.html', bytes: files.html() },
      { name: 'readme.txt', bytes: files.html() },
      { name: 'logo.svg', bytes: files.svg() },
      { name: 'logo.png', bytes: files.svg() },
      { name: 'data.bin', bytes: Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 1]) },
    ];
    for (const file of refused) {
      await expectError(await upload(conversation.id, token, file), 415, 'unsupported_media_type');
    }
    await expectError(
      await upload(conversation.id, token, { name: 'empty.txt', bytes: Buffer.alloc(0) }),
      400,
      'invalid_request',
    );
    expect((await history(conversation.id, token)).messages).toEqual([]);
  });

  it('needs the conversation’s own token, a multipart body with a `file` field', async () => {
    const { conversation, token } = await started();
    const other = await started();
    const file = { name: 'a.png', bytes: await files.png() };
    await expectError(await upload(conversation.id, other.token, file), 403, 'forbidden');
    await expectError(
      await uploadRoute.POST(
        uploadRequest(`/conversations/${conversation.id}/attachments`, file, {}),
        routeParams({ id: conversation.id }),
      ),
      401,
      'unauthorized',
    );
    const wrongField = new Request(
      `http://localhost:3000/api/v1/conversations/${conversation.id}/attachments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: files.multipart(file, 'upload'),
      },
    );
    await expectError(
      await uploadRoute.POST(wrongField, routeParams({ id: conversation.id })),
      400,
      'invalid_request',
    );
    const json = apiRequest('POST', `/conversations/${conversation.id}/attachments`, {
      token,
      body: { file: 'x' },
    });
    await expectError(
      await uploadRoute.POST(json, routeParams({ id: conversation.id })),
      400,
      'invalid_request',
    );
  });

  it('refuses uploads from a blocked customer: blocking revoked their token', async () => {
    const { conversation, token } = await started();
    await blockConversation(conversation.id, serviceActor);
    await expectError(
      await upload(conversation.id, token, { name: 'a.txt', bytes: Buffer.from('a') }),
      401,
      'unauthorized',
    );
  });

  it('re-encodes images: EXIF and GPS gone, orientation applied, size and thumbnail kept', async () => {
    const { conversation, token } = await started();
    const original = await files.jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const attachment = await uploaded(conversation.id, token, {
      name: 'where-i-was.jpg',
      bytes: original,
    });
    // 60×30 with orientation 6 (turn 90°) is a 30×60 picture.
    expect(attachment).toMatchObject({ width: 30, height: 60, type: 'image/jpeg' });

    const stored = await bytesOf(await follow(attachment.url));
    expect(stored.length).toBe(attachment.size);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 30, height: 60 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('Parley Test Camera'))).toBe(false);

    const thumbnail = await follow(attachment.thumbnailUrl!);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(await bytesOf(thumbnail)).metadata()).format).toBe('webp');
  });
});

describe('sending attachments', () => {
  it('sends a message of attachments only, in order, shown in the history', async () => {
    const { conversation, token } = await started();
    const photo = await uploaded(conversation.id, token, {
      name: 'a.png',
      bytes: await files.png(),
    });
    const doc = await uploaded(conversation.id, token, { name: 'b.pdf', bytes: files.pdf() });
    const response = await send(conversation.id, token, { attachmentIds: [doc.id, photo.id] });
    expect(response.status).toBe(201);
    const { message } = (await response.json()) as { message: Message };
    expect(message.text).toBe('');
    expect(message.attachments.map((a) => a.name)).toEqual(['b.pdf', 'a.png']);
    const [stored] = (await history(conversation.id, token)).messages;
    expect(stored!.attachments.map((a) => [a.id, a.type])).toEqual([
      [doc.id, 'application/pdf'],
      [photo.id, 'image/png'],
    ]);
    expect(stored!.attachments[1]).toMatchObject({ width: 64, height: 48 });
    expect(stored!.attachments[1]!.thumbnailUrl).toBeDefined();
    expect(stored!.attachments[0]!.thumbnailUrl).toBeUndefined();
  });

  it('uses an attachment once and only in its own conversation; empty messages are refused', async () => {
    const { conversation, token } = await started();
    const other = await started();
    const file = await uploaded(conversation.id, token, { name: 'a.txt', bytes: Buffer.from('a') });
    await expectError(
      await send(other.conversation.id, other.token, { attachmentIds: [file.id] }),
      400,
      'invalid_request',
    );
    expect((await send(conversation.id, token, { attachmentIds: [file.id] })).status).toBe(201);
    await expectError(
      await send(conversation.id, token, { text: 'again', attachmentIds: [file.id] }),
      409,
      'conflict',
    );
    await expectError(await send(conversation.id, token, { text: '  ' }), 400, 'invalid_request');
    await expectError(
      await send(conversation.id, token, { attachmentIds: [] }),
      400,
      'invalid_request',
    );
    expect((await history(conversation.id, token)).messages).toHaveLength(1);
  });

  it('lets agents upload and reply with files, by session and through the admin API', async () => {
    const { conversation, token } = await started();
    const agent = await createAgent({ name: 'Ann' });
    const cookie = await sessionCookie(agent.id);
    const agentUpload = await agentUploadRoute.POST(
      uploadRequest(
        `/agent/conversations/${conversation.id}/attachments`,
        { name: 'guide.pdf', bytes: files.pdf() },
        { cookie },
      ),
      routeParams({ id: conversation.id }),
    );
    expect(agentUpload.status).toBe(201);
    const guide = ((await agentUpload.json()) as { attachment: Attachment }).attachment;
    const reply = await agentMessagesRoute.POST(
      apiRequest('POST', `/agent/conversations/${conversation.id}/messages`, {
        headers: { cookie },
        body: { text: 'Here is the guide', attachmentIds: [guide.id] },
      }),
      routeParams({ id: conversation.id }),
    );
    expect(reply.status).toBe(201);
    const { message } = (await reply.json()) as { message: Message };
    expect(new URL(message.attachments[0]!.url).searchParams.get('for')).toBe('agents');

    const adminUpload = await adminUploadRoute.POST(
      uploadRequest(
        `/admin/conversations/${conversation.id}/attachments`,
        { name: 'chart.png', bytes: await files.png() },
        { authorization: `Bearer ${SERVICE}` },
      ),
      routeParams({ id: conversation.id }),
    );
    expect(adminUpload.status).toBe(201);
    const chart = ((await adminUpload.json()) as { attachment: Attachment }).attachment;
    const adminReply = await adminMessagesRoute.POST(
      apiRequest('POST', `/admin/conversations/${conversation.id}/messages`, {
        token: SERVICE,
        body: { agentEmail: agent.email, text: '', attachmentIds: [chart.id] },
      }),
      routeParams({ id: conversation.id }),
    );
    expect(adminReply.status).toBe(201);

    // The customer sees both replies with links made for them.
    const seen = (await history(conversation.id, token)).messages;
    expect(seen.map((m) => [m.author, m.text, m.attachments.map((a) => a.name)])).toEqual([
      ['agent', 'Here is the guide', ['guide.pdf']],
      ['agent', '', ['chart.png']],
    ]);
    const customerLink = seen[0]!.attachments[0]!.url;
    expect(new URL(customerLink).searchParams.get('for')).toBe('customer.1');
    expect(await bytesOf(await follow(customerLink))).toEqual(files.pdf());
  });

  it('agents’ transcript links need a session or an admin token', async () => {
    const { conversation, token } = await started();
    const file = await uploaded(conversation.id, token, {
      name: 'a.png',
      bytes: await files.png(),
    });
    await send(conversation.id, token, { attachmentIds: [file.id] });
    const agent = await createAgent();
    const cookie = await sessionCookie(agent.id);
    const transcript = await agentMessagesRoute.GET(
      apiRequest('GET', `/agent/conversations/${conversation.id}/messages`, {
        headers: { cookie },
      }),
      routeParams({ id: conversation.id }),
    );
    const page = (await transcript.json()) as TranscriptPage;
    const link = page.messages[0]!.attachments[0]!.url;
    await expectError(await follow(link), 401, 'unauthorized');
    expect((await follow(link, { cookie })).status).toBe(200);
    expect((await follow(link, { authorization: `Bearer ${SERVICE}` })).status).toBe(200);
  });
});

describe('GET a signed attachment link', () => {
  it('shows images inline and downloads everything else, never sniffed, sandboxed', async () => {
    const { conversation, token } = await started();
    const image = await uploaded(conversation.id, token, {
      name: 'photo.png',
      bytes: await files.png(),
    });
    const text = await uploaded(conversation.id, token, {
      name: "Zoë's <notes>.txt",
      bytes: Buffer.from('plain words'),
    });
    const shown = await follow(image.url);
    expect(shown.status).toBe(200);
    expect(Object.fromEntries(shown.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(image.size),
      'x-content-type-options': 'nosniff',
      'content-disposition': expect.stringMatching(/^inline; filename="photo.png"/),
    });
    expect(shown.headers.get('content-security-policy')).toMatch(/^sandbox\b/);

    const saved = await follow(text.url);
    // The real name for browsers that read RFC 5987, an ASCII fallback for the rest.
    expect(saved.headers.get('content-disposition')).toBe(
      `attachment; filename="Zo_'s notes.txt"; filename*=UTF-8''Zo%C3%AB%27s%20notes.txt`,
    );
    expect(saved.headers.get('content-type')).toBe('text/plain');
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(saved.headers.get('x-content-type-options')).toBe('nosniff');
    expect(saved.headers.get('content-security-policy')).toMatch(/^sandbox\b/);
    expect(await saved.text()).toBe('plain words');
  });

  it('refuses a tampered, expired, misplaced or revoked link, and another conversation’s token', async () => {
    const { conversation, token } = await started();
    const other = await started();
    const file = await uploaded(conversation.id, token, {
      name: 'a.png',
      bytes: await files.png(),
    });
    expect((await follow(file.url)).status).toBe(200);

    const tampered = new URL(file.url);
    const signature = tampered.searchParams.get('signature')!;
    tampered.searchParams.set(
      'signature',
      `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
    );
    await expectError(await follow(tampered.toString()), 403, 'forbidden');

    const longer = new URL(file.url);
    longer.searchParams.set('expires', String(Number(longer.searchParams.get('expires')) + 3600));
    await expectError(await follow(longer.toString()), 403, 'forbidden');

    const dayAndHourAgo = Date.now() - 26 * 3600 * 1000;
    const expired = attachmentUrl(
      conversation.id,
      file.id,
      'file',
      { kind: 'customer', tokenVersion: 1 },
      dayAndHourAgo,
    );
    await expectError(await follow(expired), 403, 'forbidden');

    // Signed for the other conversation: its customer cannot reach this file with it.
    const elsewhere = attachmentUrl(other.conversation.id, file.id, 'file', {
      kind: 'customer',
      tokenVersion: 1,
    });
    await expectError(await follow(elsewhere), 404, 'not_found');
    await expectError(
      await follow(file.url, { authorization: `Bearer ${other.token}` }),
      403,
      'forbidden',
    );
    expect((await follow(file.url, { authorization: `Bearer ${token}` })).status).toBe(200);

    // A revoked token (a new token version) ends the customer's links with it.
    await db()
      .update(conversations)
      .set({ tokenVersion: 2 })
      .where(eq(conversations.id, conversation.id));
    await expectError(await follow(file.url), 403, 'forbidden');
  });
});
