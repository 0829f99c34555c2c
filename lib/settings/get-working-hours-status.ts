// Whether the team counts as open right now under the stored working hours, as the widget
// and the reminders see it, with the local clock it was judged by (for the console).
import { isWithinWorkingHours } from '../automation/working-hours';
import type { WorkingHoursStatus } from '../contracts/settings';
import { db } from '../db/client';
import { getSettings } from './settings';

export type { WorkingHoursStatus };

function localClock(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, label: `${parts.weekday} ${date} ${parts.hour}:${parts.minute}` };
}

export async function getWorkingHoursStatus(now: Date = new Date()): Promise<WorkingHoursStatus> {
  const schedule = await getSettings(db(), 'workingHours');
  const clock = localClock(now, schedule.timezone);
  const open = isWithinWorkingHours(schedule, now);
  const reason = !schedule.enabled
    ? 'disabled'
    : open
      ? 'open'
      : schedule.holidays.includes(clock.date)
        ? 'holiday'
        : 'hours';
  return {
    open,
    enabled: schedule.enabled,
    timezone: schedule.timezone,
    localTime: clock.label,
    reason,
  };
}
