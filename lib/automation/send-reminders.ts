// Reminds agents of conversations nobody has claimed: at the first threshold, then again
// (pinned in the topic) at the second. Driven by timestamps, so it is safe on several
// instances at once (rows are locked and the reminder level only moves up) and a sweep after
// downtime sends one reminder per conversation, the latest due, instead of a burst.
import { and, eq, isNotNull, lt, lte } from 'drizzle-orm';
import { systemActor } from '../actor';
import { emitSystemMessage } from '../conversations/system-messages';
import { conversations } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { getSettings } from '../settings/settings';
import { isWithinWorkingHours } from './working-hours';

const BATCH = 100;
const REMINDERS = ['unclaimed_reminder_5m', 'unclaimed_reminder_15m_pin'] as const;

/** Sends the reminders due at `now`; returns how many were sent. */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  return inTransaction(async (tx) => {
    const [automation, schedule] = await Promise.all([
      getSettings(tx, 'automation'),
      getSettings(tx, 'workingHours'),
    ]);
    // Reminders pause outside working hours; when work resumes, one catches up.
    if (!isWithinWorkingHours(schedule, now)) return 0;
    const thresholds = [automation.firstReminderSeconds, automation.secondReminderSeconds];
    const firstDue = new Date(now.getTime() - thresholds[0]! * 1000);
    const due = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.status, 'open_unclaimed'),
          isNotNull(conversations.awaitingClaimSince),
          lte(conversations.awaitingClaimSince, firstDue),
          lt(conversations.reminderLevel, REMINDERS.length),
        ),
      )
      .orderBy(conversations.awaitingClaimSince)
      .limit(BATCH)
      .for('update', { skipLocked: true });

    let sent = 0;
    for (const conversation of due) {
      const waitedSeconds = (now.getTime() - conversation.awaitingClaimSince!.getTime()) / 1000;
      const level = thresholds.filter((seconds) => waitedSeconds >= seconds).length;
      if (level <= conversation.reminderLevel) continue;
      await tx
        .update(conversations)
        .set({ reminderLevel: level })
        .where(eq(conversations.id, conversation.id));
      await emitSystemMessage(tx, conversation, REMINDERS[level - 1]!, systemActor, now);
      sent++;
    }
    return sent;
  });
}
