// Retention: once a day, closed conversations older than the configured number of days are
// deleted with their transcript, notes and events. Their Telegram topics are deleted by the
// Telegram channel on the `conversation.purged` event. Off by default.
import { and, eq, inArray, lt } from 'drizzle-orm';
import { systemActor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import { conversations, events, sweepRuns } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { recordEvent } from '../events/record-event';
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
    const batch = await inTransaction(async (tx) => {
      const doomed = await tx
        .select({
          id: conversations.id,
          telegramChatId: conversations.telegramChatId,
          telegramThreadId: conversations.telegramThreadId,
        })
        .from(conversations)
        .where(and(eq(conversations.status, 'closed'), lt(conversations.closedAt, cutoff)))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (doomed.length === 0) return 0;
      const ids = doomed.map((c) => c.id);
      // Events carry message texts: they go with the conversation.
      await tx.delete(events).where(inArray(events.conversationId, ids));
      await tx.delete(conversations).where(inArray(conversations.id, ids));
      for (const conversation of doomed.filter((c) => c.telegramThreadId !== null)) {
        await recordEvent(tx, 'conversation.purged', systemActor, conversation.id, {
          conversationId: conversation.id,
          telegramChatId: conversation.telegramChatId,
          telegramThreadId: conversation.telegramThreadId,
        });
      }
      return doomed.length;
    });
    purged += batch;
    if (batch < BATCH) break;
  }
  await inTransaction((tx) =>
    writeAudit(tx, systemActor, 'retention.purged', null, { count: purged, olderThanDays: days }),
  );
  return purged;
}
