'use client';
// Small pieces of the Telegram screen: a numbered wizard step, a pass/fail line with its
// fix, and the status badge, in one look for light and dark.
import { type ReactNode, useId } from 'react';

export function TelegramStep({
  number,
  title,
  done,
  disabled,
  children,
}: {
  number: number;
  title: string;
  done: boolean;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  const marker = done
    ? 'bg-emerald-600 text-white dark:bg-emerald-500 dark:text-slate-950'
    : disabled
      ? 'bg-slate-200 text-slate-500 dark:bg-slate-800 dark:text-slate-400'
      : 'bg-indigo-600 text-white dark:bg-indigo-500 dark:text-slate-950';
  return (
    <li
      aria-labelledby={id}
      className={`flex gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900`}
    >
      <span
        aria-hidden="true"
        className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${marker}`}
      >
        {done ? '✓' : number}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <h2 id={id} className="font-semibold">
          <span className="sr-only">Step {number}: </span>
          {title}
          {done ? <span className="sr-only"> (done)</span> : null}
        </h2>
        {disabled ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">After the step before.</p>
        ) : (
          children
        )}
      </div>
    </li>
  );
}

export function CheckLine({
  ok,
  label,
  problem,
  fix,
}: {
  ok: boolean;
  label: string;
  problem?: string;
  fix?: string;
}) {
  return (
    <li className="flex gap-2 text-sm">
      <span
        aria-hidden="true"
        className={ok ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}
      >
        {ok ? '✓' : '✗'}
      </span>
      <div className="min-w-0">
        <p className="font-medium text-slate-800 dark:text-slate-200">
          <span className="sr-only">{ok ? 'Passed: ' : 'Problem: '}</span>
          {label}
        </p>
        {!ok && problem ? (
          <p className="break-words text-slate-600 dark:text-slate-400">{problem}</p>
        ) : null}
        {!ok && fix ? (
          <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            <span className="font-semibold">Fix: </span>
            {fix}
          </p>
        ) : null}
      </div>
    </li>
  );
}

const BADGES = {
  ok: ['Healthy', 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'],
  degraded: ['Degraded', 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'],
  off: ['Off', 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200'],
} as const;

export function StatusBadge({ status }: { status: keyof typeof BADGES }) {
  const [label, look] = BADGES[status];
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${look}`}>{label}</span>
  );
}
