// Every storage backend behaves the same: disk (a temporary DATA_DIR), PostgreSQL (this
// file's database) and S3 (a local S3 server started here).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalS3, startLocalS3 } from '@/test/s3';
import { DiskStorage } from './disk';
import { PostgresStorage } from './postgres';
import { S3Storage } from './s3';
import { type AttachmentStorage, storageKeyFor, thumbnailKeyFor } from './storage';

let s3: LocalS3;
const diskDir = mkdtempSync(path.join(tmpdir(), 'parley-disk-storage-'));

beforeAll(async () => {
  s3 = await startLocalS3();
});

afterAll(async () => {
  await s3?.stop();
  rmSync(diskDir, { recursive: true, force: true });
});

const backends: Array<[string, () => AttachmentStorage]> = [
  ['disk', () => new DiskStorage(diskDir)],
  ['postgres', () => new PostgresStorage()],
  [
    's3',
    () =>
      new S3Storage({
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      }),
  ],
];

const readStream = async (stream: ReadableStream<Uint8Array> | null) =>
  stream ? Buffer.from(await new Response(stream).arrayBuffer()) : null;

describe.each(backends)('%s storage', (_name, make) => {
  it('stores, reads, streams, lists and deletes bytes', async () => {
    const storage = make();
    const conversationId = randomUUID();
    const id = randomUUID();
    const key = storageKeyFor(conversationId, id);
    const thumb = thumbnailKeyFor(conversationId, id);
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));

    expect(await storage.read(key)).toBeNull();
    expect(await storage.open(key)).toBeNull();
    await storage.put(key, bytes, 'application/octet-stream');
    await storage.put(thumb, Buffer.from('thumb'), 'image/webp');
    expect(await storage.read(key)).toEqual(bytes);
    expect(await readStream(await storage.open(key))).toEqual(bytes);

    const listed = [];
    for await (const object of storage.list()) {
      if (object.key.startsWith(conversationId)) listed.push(object);
    }
    expect(listed.map((o) => o.key).sort()).toEqual([key, thumb].sort());
    expect(listed[0]!.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 120_000);

    await storage.delete([key, thumb, storageKeyFor(conversationId, randomUUID())]);
    expect(await storage.read(key)).toBeNull();
    expect(await storage.read(thumb)).toBeNull();
  });

  it('overwrites a key and refuses keys that are not attachment keys', async () => {
    const storage = make();
    const key = storageKeyFor(randomUUID(), randomUUID());
    await storage.put(key, Buffer.from('first'), 'text/plain');
    await storage.put(key, Buffer.from('second'), 'text/plain');
    expect((await storage.read(key))?.toString()).toBe('second');
    await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /not an attachment storage key/,
    );
    await expect(storage.read('a/../../b')).rejects.toThrow(/not an attachment storage key/);
    await storage.delete([key]);
  });
});

describe('disk storage', () => {
  it('lists a write cut short by a crash so the sweep can remove it', async () => {
    const storage = new DiskStorage(diskDir);
    const conversationId = randomUUID();
    const partial = `${storageKeyFor(conversationId, randomUUID())}.${randomUUID()}.partial`;
    const folder = path.join(diskDir, 'attachments', conversationId);
    await storage.put(storageKeyFor(conversationId, randomUUID()), Buffer.from('whole'));
    writeFileSync(path.join(diskDir, 'attachments', ...partial.split('/')), 'half');
    const old = new Date(Date.now() - 7200_000);
    utimesSync(path.join(folder, partial.split('/')[1]!), old, old);
    const keys = [];
    for await (const object of storage.list()) if (object.key === partial) keys.push(object);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.modifiedAt.getTime()).toBe(old.getTime());
    await storage.delete([partial]);
    for await (const object of storage.list()) expect(object.key).not.toBe(partial);
  });
});
