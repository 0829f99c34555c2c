'use client';
// Whole days off, as dates in the schedule's time zone: add one, remove one.
import { useId, useState } from 'react';
import { Button } from '../ui';
import { controlClass } from './form';

const formatDay = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function WorkingHoursHolidays({
  holidays,
  onChange,
}: {
  holidays: string[];
  onChange: (holidays: string[]) => void;
}) {
  const id = useId();
  const [date, setDate] = useState('');
  const add = () => {
    if (!/^\d{4}-\d\d-\d\d$/.test(date)) return;
    if (!holidays.includes(date)) onChange([...holidays, date].sort());
    setDate('');
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-300">
            Date
          </label>
          <input
            id={id}
            type="date"
            className={`${controlClass} dark:[color-scheme:dark]`}
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <Button onClick={add} disabled={!date}>
          Add holiday
        </Button>
      </div>
      {holidays.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No holidays.</p>
      ) : (
        <ul aria-label="Holidays" className="flex flex-col gap-1">
          {holidays.map((holiday) => (
            <li
              key={holiday}
              className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-1.5 text-sm dark:bg-slate-800"
            >
              <span>
                {formatDay(holiday)}{' '}
                <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                  {holiday}
                </span>
              </span>
              <Button
                variant="ghost"
                aria-label={`Remove holiday ${holiday}`}
                onClick={() => onChange(holidays.filter((h) => h !== holiday))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
