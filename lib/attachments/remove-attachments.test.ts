// Files go when their conversation goes (bulk delete, retention), uploads never sent go
// after a day, and bytes that no row names (a crash between writing them and the row) are
// found and removed; exports list the files that stay.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversation, nextClientId } from '../../test/factories';
import * as files from '../../test/files';
import { customerActor, serviceActor } from '../actor';
import { purgeClosedConversations } from '../automation/purge-closed';
import { closeConversation } from '../conversations/close-conversation';
import { bulkDeleteConversations } from '../conversations/delete-conversations';
import {
  exportConversationCsv,
  exportConversationJson,
} from '../conversations/export-conversation';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { db } from '../db/client';
import { type AttachmentRow, attachments, settings, sweepRuns } from '../db/schema';
import { invalidateSettingsCache } from '../settings/cache';
import { updateSettings } from '../settings/update-settings';
import { storedKeys } from './remove-attachments';
import { removeOrphanedFiles } from './remove-orphaned-files';
import { attachmentStorage } from './storage/select-storage';
import { storageKeyFor } from './storage/storage';
import { sweepAttachments } from './sweep-attachments';
import { uploadAttachment } from './upload-attachment';

const DAY = 86_400_000;
const storage = () => attachmentStorage();

beforeEach(async () => {
  await db().delete(settings);
  invalidateSettingsCache();
  await db().delete(sweepRuns);
});

/** A conversation whose customer sent a photo and a PDF. */
async function conversationWithFiles() {
  const { conversation } = await createConversation();
  const photo = await uploadAttachment(
    conversation.id,
    { name: 'photo.png', bytes: await files.png() },
    customerActor,
  );
  const doc = await uploadAttachment(
    conversation.id,
    { name: 'terms.pdf', bytes: files.pdf() },
    customerActor,
  );
  await postCustomerMessage(conversation.id, {
    text: 'See these',
    clientId: nextClientId(),
    attachmentIds: [photo.id, doc.id],
  });
  return { conversationId: conversation.id, rows: [photo, doc] };
}

async function storedBytes(rows: AttachmentRow[]) {
  return Promise.all(storedKeys(rows).map((key) => storage().read(key)));
}

const rowsOf = (rows: AttachmentRow[]) =>
  db()
    .select()
    .from(attachments)
    .where(
      inArray(
        attachments.id,
        rows.map((r) => r.id),
      ),
    );

describe('removing files with their conversation', () => {
  it('bulk delete removes the rows and the bytes, thumbnails included', async () => {
    const { conversationId, rows } = await conversationWithFiles();
    const kept = await conversationWithFiles();
    expect(storedKeys(rows)).toHaveLength(3);
    expect((await storedBytes(rows)).every((bytes) => bytes !== null)).toBe(true);

    expect(await bulkDeleteConversations({ ids: [conversationId] }, serviceActor)).toEqual({
      deleted: 1,
    });
    expect(await storedBytes(rows)).toEqual([null, null, null]);
    expect(await rowsOf(rows)).toEqual([]);
    expect((await storedBytes(kept.rows)).every((bytes) => bytes !== null)).toBe(true);
  });

  it('retention removes the files of the conversations it purges', async () => {
    await updateSettings({ retention: { closedConversationDays: 30 } }, serviceActor);
    const { conversationId, rows } = await conversationWithFiles();
    await closeConversation(conversationId, serviceActor);
    expect(await purgeClosedConversations(new Date(Date.now() + 31 * DAY))).toBeGreaterThan(0);
    expect(await storedBytes(rows)).toEqual([null, null, null]);
    expect(await rowsOf(rows)).toEqual([]);
  });

  it('the sweep finishes what a failed removal left: rows without a conversation', async () => {
    const { conversationId, rows } = await conversationWithFiles();
    // As if the bytes' removal had failed right after the delete: the rows are let go.
    await db()
      .update(attachments)
      .set({ conversationId: null, messageId: null })
      .where(eq(attachments.conversationId, conversationId));
    expect(await sweepAttachments()).toBeGreaterThanOrEqual(2);
    expect(await storedBytes(rows)).toEqual([null, null, null]);
    expect(await rowsOf(rows)).toEqual([]);
  });
});

describe('the attachment sweep', () => {
  it('removes uploads that no message took within a day, and keeps sent ones', async () => {
    const { rows: sent } = await conversationWithFiles();
    const { conversation } = await createConversation();
    const unsent = await uploadAttachment(
      conversation.id,
      { name: 'draft.txt', bytes: Buffer.from('never sent') },
      customerActor,
    );
    await sweepAttachments(new Date(Date.now() + DAY / 2));
    expect(await storage().read(unsent.storageKey)).not.toBeNull();

    await sweepAttachments(new Date(Date.now() + DAY + 60_000));
    expect(await storage().read(unsent.storageKey)).toBeNull();
    expect(await rowsOf([unsent])).toEqual([]);
    expect(await rowsOf(sent)).toHaveLength(2);
    expect((await storedBytes(sent)).every((bytes) => bytes !== null)).toBe(true);
  });

  it('removes bytes written by an upload that died before its row, once they are old enough', async () => {
    const { conversation } = await createConversation();
    const { rows } = await conversationWithFiles();
    // The process wrote the bytes and crashed: no row, so no message can point at them.
    const lostId = randomUUID();
    const lost = storageKeyFor(conversation.id, lostId);
    await storage().put(lost, Buffer.from('half an upload'), 'text/plain');
    await expect(
      postCustomerMessage(conversation.id, {
        text: '',
        clientId: nextClientId(),
        attachmentIds: [lostId],
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' });

    expect(await removeOrphanedFiles(new Date())).toBe(0);
    expect(await storage().read(lost)).not.toBeNull();
    expect(await removeOrphanedFiles(new Date(Date.now() + 2 * 3600_000))).toBeGreaterThanOrEqual(
      1,
    );
    expect(await storage().read(lost)).toBeNull();
    expect((await storedBytes(rows)).every((bytes) => bytes !== null)).toBe(true);
  });
});

describe('exports', () => {
  it('list each message’s attachments in the JSON and the CSV', async () => {
    const { conversationId } = await conversationWithFiles();
    const { body } = await exportConversationJson(conversationId);
    const withFiles = body.messages.find((m) => m.author === 'customer')!;
    expect(withFiles.attachments.map((a) => [a.name, a.type])).toEqual([
      ['photo.png', 'image/png'],
      ['terms.pdf', 'application/pdf'],
    ]);
    expect(new URL(withFiles.attachments[0]!.url).searchParams.get('for')).toBe('agents');

    const csv = await exportConversationCsv(conversationId);
    const [header, ...lines] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('time,kind,author,text,attachments');
    const line = lines.find((l) => l.includes('See these'))!;
    expect(line).toMatch(
      /,See these,"photo\.png \(image\/png, \d+ (bytes|KB)\); terms\.pdf \(application\/pdf, \d+ bytes\)"$/,
    );
  });
});
