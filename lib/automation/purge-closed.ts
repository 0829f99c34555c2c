// Retention: once a day, closed conversations older than the configured number of days are
// deleted with their transcript, notes, events and files (lib/conversations/delete-conversations.ts,
// which also has their Telegram topics deleted). Off by default.
import { and, eq, lt } from 'drizzle-orm';
import { systemActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { deleteConversationBatch, removeDeletedFiles } from '../conversations/delete-conversations';
import { conversations, sweepRuns } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { getSettings } from '../settings/settings';

const BATCH = 500;
const DAY_MS = 86_400_000;

/** Takes today's run for this instance; false if another instance already ran within a day. */
async function claimDailyRun(now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const rows = await tx
      .insert(sweepRuns)
      .values({ name: 'retention', lastRunAt: now })
      .onConflictDoUpdate({
        target: sweepRuns.name,
        set: { lastRunAt: now },
        setWhere: lt(sweepRuns.lastRunAt, new Date(now.getTime() - DAY_MS)),
      })
      .returning({ name: sweepRuns.name });
    return rows.length > 0;
  });
}

/** Purges what retention allows at `now`; returns how many conversations were deleted. */
export async function purgeClosedConversations(
  now: Date = new Date(),
  options: { force?: boolean } = {},
): Promise<number> {
  const { closedConversationDays: days } = await inTransaction((tx) =>
    getSettings(tx, 'retention'),
  );
  if (days === null) return 0;
  if (!options.force && !(await claimDailyRun(now))) return 0;
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  let purged = 0;
  for (;;) {
    const batch = await inTransaction((tx) =>
      deleteConversationBatch(
        tx,
        and(eq(conversations.status, 'closed'), lt(conversations.closedAt, cutoff)),
        systemActor,
        { limit: BATCH, skipLocked: true },
      ),
    );
    purged += batch;
    if (batch < BATCH) break;
  }
  await removeDeletedFiles();
  await inTransaction((tx) =>
    writeAudit(tx, systemActor, 'retention.purged', null, { count: purged, olderThanDays: days }),
  );
  return purged;
}
