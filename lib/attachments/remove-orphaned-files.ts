// Bytes in the storage that no attachment row names: an upload whose process died between
// writing the bytes and the row, or a disk write cut short. Only objects older than the
// grace period are looked at, so an upload under way is never taken for an orphan.
import { inArray } from 'drizzle-orm';
import { db } from '../db/client';
import { attachments } from '../db/schema';
import { attachmentStorage } from './storage/select-storage';
import { attachmentIdOfKey, type StoredObject } from './storage/storage';

export const ORPHAN_GRACE_MS = 3600 * 1000;
const BATCH = 500;

async function removeOrphansAmong(objects: StoredObject[]): Promise<number> {
  const ids = [...new Set(objects.map((object) => attachmentIdOfKey(object.key)))];
  const rows = await db()
    .select({ storageKey: attachments.storageKey, thumbnailKey: attachments.thumbnailKey })
    .from(attachments)
    .where(inArray(attachments.id, ids));
  const known = new Set(rows.flatMap((row) => [row.storageKey, row.thumbnailKey]));
  const orphans = objects.filter((object) => !known.has(object.key)).map((object) => object.key);
  if (orphans.length) await attachmentStorage().delete(orphans);
  return orphans.length;
}

/** Removes stored objects older than the grace period that no row names; returns how many. */
export async function removeOrphanedFiles(now: Date = new Date()): Promise<number> {
  const cutoff = now.getTime() - ORPHAN_GRACE_MS;
  let removed = 0;
  let batch: StoredObject[] = [];
  for await (const object of attachmentStorage().list()) {
    if (object.modifiedAt.getTime() >= cutoff) continue;
    batch.push(object);
    if (batch.length >= BATCH) {
      removed += await removeOrphansAmong(batch);
      batch = [];
    }
  }
  if (batch.length) removed += await removeOrphansAmong(batch);
  return removed;
}
