// Durations as people enter and read them (5 minutes, 2 hours, 1 day) and as the settings
// store them (whole seconds). Pure functions, shared by the console's forms and their tests.

export const DURATION_UNITS = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
} as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

export interface Duration {
  /** As typed: a number, possibly with decimals ("1.5"). */
  amount: string;
  unit: DurationUnit;
}

/**
 * The way to show stored seconds with one of `units` (largest first wins): the largest unit
 * that divides them evenly, else the smallest allowed unit with decimals.
 */
export function secondsToDuration(
  seconds: number,
  units: readonly DurationUnit[] = ['minutes', 'hours', 'days'],
): Duration {
  const ordered = [...units].sort((a, b) => DURATION_UNITS[b] - DURATION_UNITS[a]);
  const exact = ordered.find((unit) => seconds % DURATION_UNITS[unit] === 0);
  const unit = exact ?? ordered[ordered.length - 1]!;
  const amount = seconds / DURATION_UNITS[unit];
  return { amount: String(Number(amount.toFixed(2))), unit };
}

/** Whole seconds for what was typed, or an explanation of why it cannot be used. */
export function durationToSeconds(
  duration: Duration,
): { ok: true; seconds: number } | { ok: false; message: string } {
  const text = duration.amount.trim().replace(',', '.');
  if (text === '') return { ok: false, message: 'Enter a number' };
  const amount = Number(text);
  if (!Number.isFinite(amount)) return { ok: false, message: 'Enter a number' };
  if (amount <= 0) return { ok: false, message: 'Must be more than zero' };
  const seconds = Math.round(amount * DURATION_UNITS[duration.unit]);
  if (seconds < 1) return { ok: false, message: 'Must be at least one second' };
  return { ok: true, seconds };
}

const UNIT_WORDS: Record<DurationUnit, [string, string]> = {
  seconds: ['second', 'seconds'],
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
};

/** "5 minutes", "1 hour", "1.5 days": stored seconds in the largest unit that reads well. */
export function describeSeconds(seconds: number): string {
  const { amount, unit } = secondsToDuration(seconds, ['seconds', 'minutes', 'hours', 'days']);
  // 90 seconds reads better as "1.5 minutes" than as "90 seconds".
  const readable =
    unit === 'seconds' && seconds >= 60
      ? secondsToDuration(seconds, ['minutes'])
      : { amount, unit };
  const [one, many] = UNIT_WORDS[readable.unit];
  return `${readable.amount} ${Number(readable.amount) === 1 ? one : many}`;
}
