// Attachment bytes in PostgreSQL (`attachment_blobs`): every instance sees the same files
// with nothing else to run. Fine for the sizes a chat carries (10 MB by default).
import { asc, gt, inArray } from 'drizzle-orm';
import { db } from '../../db/client';
import { attachmentBlobs } from '../../db/schema';
import { type AttachmentStorage, assertStorageKey, type StoredObject } from './storage';

const PAGE = 1000;

export class PostgresStorage implements AttachmentStorage {
  readonly kind = 'postgres' as const;

  async put(key: string, bytes: Buffer): Promise<void> {
    assertStorageKey(key);
    await db()
      .insert(attachmentBlobs)
      .values({ key, data: bytes })
      .onConflictDoUpdate({ target: attachmentBlobs.key, set: { data: bytes } });
  }

  async read(key: string): Promise<Buffer | null> {
    assertStorageKey(key);
    const [row] = await db()
      .select({ data: attachmentBlobs.data })
      .from(attachmentBlobs)
      .where(inArray(attachmentBlobs.key, [key]));
    return row?.data ?? null;
  }

  async open(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const bytes = await this.read(key);
    if (!bytes) return null;
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  async delete(keys: string[]): Promise<void> {
    keys.forEach(assertStorageKey);
    if (keys.length) await db().delete(attachmentBlobs).where(inArray(attachmentBlobs.key, keys));
  }

  async *list(): AsyncIterable<StoredObject> {
    let after = '';
    for (;;) {
      const rows = await db()
        .select({ key: attachmentBlobs.key, modifiedAt: attachmentBlobs.createdAt })
        .from(attachmentBlobs)
        .where(gt(attachmentBlobs.key, after))
        .orderBy(asc(attachmentBlobs.key))
        .limit(PAGE);
      yield* rows;
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.key;
    }
  }
}
