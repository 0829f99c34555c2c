'use client';
// "Right now: open / closed", as the server judges it from the stored working hours.
import { useQuery } from '@tanstack/react-query';
import type { WorkingHoursStatus } from '@/lib/settings/get-working-hours-status';
import { adminFetch } from '../api';

export const workingHoursStatusKey = ['admin', 'working-hours-status'] as const;

const REASONS: Record<WorkingHoursStatus['reason'], string> = {
  disabled: 'working hours are off, so the team counts as always open',
  open: 'within working hours',
  holiday: 'today is a holiday',
  hours: 'outside working hours',
};

export function WorkingHoursStatusLine() {
  const { data } = useQuery({
    queryKey: workingHoursStatusKey,
    queryFn: async () =>
      (await adminFetch<{ status: WorkingHoursStatus }>('/working-hours/status')).status,
    refetchInterval: 60_000,
  });
  if (!data) return null;
  return (
    <p
      role="status"
      aria-label="Right now"
      className={`rounded-md border px-3 py-2 text-sm ${
        data.open
          ? 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
          : 'border-amber-200 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100'
      }`}
    >
      <strong>Right now: {data.open ? 'open' : 'closed'}</strong> — {REASONS[data.reason]} (
      {data.localTime}, {data.timezone}).
    </p>
  );
}
