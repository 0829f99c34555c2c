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

/** How far ahead `nextOpening` looks: past that, the schedule has no working time at all. */
const LOOKAHEAD_DAYS = 15;

/** Minutes east of UTC that `timeZone` is at `at` (its wall clock minus UTC). */
function offsetMinutes(at: Date, timeZone: string): number {
  const local = localTime(at, timeZone);
  const [hours, minutes] = local.time.split(':').map(Number) as [number, number];
  const wall = Date.parse(`${local.date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * When working hours next begin after `now`, while they are over; null within them, with
 * no schedule, or when none begins within two weeks. The widget says "back Monday at 9:00".
 */
export function nextOpening(schedule: WorkingHoursSettings, now: Date): Date | null {
  if (isWithinWorkingHours(schedule, now)) return null;
  for (let day = 0; day <= LOOKAHEAD_DAYS; day++) {
    const local = localTime(new Date(now.getTime() + day * 86_400_000), schedule.timezone);
    if (schedule.holidays.includes(local.date)) continue;
    const starts = schedule.week[local.weekday].map(({ from }) => from).sort();
    for (const from of starts) {
      // The slot's wall-clock start in the schedule's zone, as an instant (DST-safe: the
      // offset is taken at the candidate itself).
      const wall = new Date(`${local.date}T${from}:00Z`);
      const guess = new Date(wall.getTime() - offsetMinutes(wall, schedule.timezone) * 60_000);
      const start = new Date(wall.getTime() - offsetMinutes(guess, schedule.timezone) * 60_000);
      if (start > now && isWithinWorkingHours(schedule, start)) return start;
    }
  }
  return null;
}
