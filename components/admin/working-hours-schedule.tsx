'use client';
// The weekly schedule: per weekday zero or more from–to intervals, in the schedule's time zone.
import { WEEKDAYS, type Weekday, type WorkingHoursSettings } from '@/lib/contracts/settings';
import { Button } from '../ui';
import { controlClass } from './form';

type Week = WorkingHoursSettings['week'];

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** The first problem of a day's intervals, if any. */
export function intervalProblem(intervals: Week[Weekday]): string | null {
  for (const { from, to } of intervals) {
    if (!from || !to) return 'Enter both times';
    if (from >= to) return `${from}–${to} ends before it starts`;
  }
  const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]!.from < sorted[i - 1]!.to) return 'Intervals overlap';
  }
  return null;
}

export function WorkingHoursSchedule({
  week,
  onChange,
}: {
  week: Week;
  onChange: (week: Week) => void;
}) {
  const setDay = (day: Weekday, intervals: Week[Weekday]) =>
    onChange({ ...week, [day]: intervals });
  const copyMonday = () =>
    onChange({
      ...week,
      ...Object.fromEntries(
        (['tue', 'wed', 'thu', 'fri'] as const).map((day) => [
          day,
          week.mon.map((i) => ({ ...i })),
        ]),
      ),
    });

  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
        {WEEKDAYS.map((day) => {
          const intervals = week[day];
          const problem = intervalProblem(intervals);
          return (
            <li key={day} className="py-3">
              <fieldset className="flex flex-col gap-2 sm:flex-row sm:items-start">
                <legend className="sr-only">{DAY_NAMES[day]}</legend>
                <span aria-hidden="true" className="w-28 shrink-0 pt-2 text-sm font-medium">
                  {DAY_NAMES[day]}
                </span>
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  {intervals.length === 0 ? (
                    <span className="pt-2 text-sm text-slate-500 dark:text-slate-400">Closed</span>
                  ) : null}
                  {intervals.map((interval, index) => {
                    const update = (patch: Partial<typeof interval>) =>
                      setDay(
                        day,
                        intervals.map((current, i) =>
                          i === index ? { ...current, ...patch } : current,
                        ),
                      );
                    const n = intervals.length > 1 ? ` ${index + 1}` : '';
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
                      <div key={index} className="flex flex-wrap items-center gap-2">
                        <input
                          type="time"
                          aria-label={`${DAY_NAMES[day]}${n} from`}
                          className={`${controlClass} dark:[color-scheme:dark]`}
                          value={interval.from}
                          onChange={(event) => update({ from: event.target.value })}
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          type="time"
                          aria-label={`${DAY_NAMES[day]}${n} to`}
                          className={`${controlClass} dark:[color-scheme:dark]`}
                          value={interval.to === '24:00' ? '00:00' : interval.to}
                          // Midnight as an end means the end of the day.
                          onChange={(event) =>
                            update({
                              to: event.target.value === '00:00' ? '24:00' : event.target.value,
                            })
                          }
                        />
                        <Button
                          variant="ghost"
                          aria-label={`Remove ${DAY_NAMES[day]}${n} hours`}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, i) => i !== index),
                            )
                          }
                        >
                          Remove
                        </Button>
                      </div>
                    );
                  })}
                  {problem ? (
                    <p className="text-xs font-medium text-red-700 dark:text-red-400">{problem}</p>
                  ) : null}
                </div>
                <Button
                  aria-label={`Add hours on ${DAY_NAMES[day]}`}
                  disabled={intervals.length >= 6}
                  onClick={() =>
                    setDay(day, [
                      ...intervals,
                      intervals.length
                        ? { from: '13:00', to: '17:00' }
                        : { from: '09:00', to: '17:00' },
                    ])
                  }
                >
                  Add hours
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div>
        <Button onClick={copyMonday}>Copy Monday to Tuesday–Friday</Button>
      </div>
    </div>
  );
}
