'use client';
// A duration as a number and a unit (minutes, hours, days), optionally switched off, with
// the reason next to it when what was typed cannot be used.
import { useId } from 'react';
import type { Duration, DurationUnit } from './duration';
import { controlClass } from './form';

export function DurationInput({
  label,
  hint,
  value,
  onChange,
  units,
  offLabel,
  error,
}: {
  label: string;
  hint?: string;
  /** null: switched off (only offered when `offLabel` is given). */
  value: Duration | null;
  onChange: (value: Duration | null) => void;
  units: readonly DurationUnit[];
  /** The switch's label ("Close automatically"); without it the duration is always on. */
  offLabel?: string;
  error?: string;
}) {
  const id = useId();
  const on = value !== null;
  const fallback: Duration = { amount: '1', unit: units.includes('days') ? 'days' : units[0]! };
  const current = value ?? fallback;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="flex flex-col gap-2 text-sm" aria-describedby={describedBy || undefined}>
      <legend className="mb-1 font-medium text-slate-700 dark:text-slate-300">{label}</legend>
      {offLabel ? (
        <label className="flex items-center gap-2 text-slate-700 dark:text-slate-300">
          <input
            type="checkbox"
            className="size-4 accent-indigo-600"
            checked={on}
            onChange={(event) => onChange(event.target.checked ? current : null)}
          />
          {offLabel}
        </label>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="text"
          inputMode="decimal"
          aria-label="Amount"
          aria-invalid={error ? true : undefined}
          className={`${controlClass} w-24`}
          value={on ? current.amount : ''}
          placeholder={on ? undefined : 'Off'}
          disabled={!on}
          onChange={(event) => onChange({ ...current, amount: event.target.value })}
        />
        <select
          aria-label="Unit"
          className={controlClass}
          value={current.unit}
          disabled={!on}
          onChange={(event) => onChange({ ...current, unit: event.target.value as DurationUnit })}
        >
          {units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
