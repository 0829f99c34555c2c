// Whether the team is at work: a weekly schedule in a time zone, minus holidays.
import type { WEEKDAYS, WorkingHoursSettings } from '../contracts/settings';

interface LocalTime {
  date: string;
  weekday: (typeof WEEKDAYS)[number];
  time: string;
}

function localTime(now: Date, timeZone: string): LocalTime {
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
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).slice(0, 3).toLowerCase() as LocalTime['weekday'],
    time: `${parts.hour}:${parts.minute}`,
  };
}

export function isWithinWorkingHours(schedule: WorkingHoursSettings, now: Date): boolean {
  if (!schedule.enabled) return true;
  const local = localTime(now, schedule.timezone);
  if (schedule.holidays.includes(local.date)) return false;
  // HH:MM strings compare in time order.
  return schedule.week[local.weekday].some(({ from, to }) => from <= local.time && local.time < to);
}
