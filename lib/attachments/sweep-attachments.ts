// The attachments' part of the periodic sweep: files of deleted conversations and uploads
// never sent go at every pass; the storage is searched for orphaned bytes once a day.
import { lt } from 'drizzle-orm';
import { sweepRuns } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { removeDetachedAttachments, removeUnsentUploads } from './remove-attachments';
import { removeOrphanedFiles } from './remove-orphaned-files';

const DAY_MS = 86_400_000;

async function claimDailyOrphanSearch(now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const rows = await tx
      .insert(sweepRuns)
      .values({ name: 'attachment-orphans', lastRunAt: now })
      .onConflictDoUpdate({
        target: sweepRuns.name,
        set: { lastRunAt: now },
        setWhere: lt(sweepRuns.lastRunAt, new Date(now.getTime() - DAY_MS)),
      })
      .returning({ name: sweepRuns.name });
    return rows.length > 0;
  });
}

/** Returns how many files (rows or orphaned objects) were removed. */
export async function sweepAttachments(now: Date = new Date()): Promise<number> {
  let removed = (await removeDetachedAttachments()) + (await removeUnsentUploads(now));
  if (await claimDailyOrphanSearch(now)) removed += await removeOrphanedFiles(now);
  return removed;
}
