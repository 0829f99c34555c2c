// Converting what an admin types (a number and a unit) to the seconds the settings store,
// and back, without losing a value that does not fit a unit evenly.
import { describe, expect, it } from 'vitest';
import { describeSeconds, durationToSeconds, secondsToDuration } from '@/components/admin/duration';

describe('durationToSeconds', () => {
  it('multiplies by the unit and rounds to whole seconds', () => {
    expect(durationToSeconds({ amount: '2', unit: 'minutes' })).toEqual({ ok: true, seconds: 120 });
    expect(durationToSeconds({ amount: '1.5', unit: 'hours' })).toEqual({
      ok: true,
      seconds: 5400,
    });
    expect(durationToSeconds({ amount: '0,5', unit: 'days' })).toEqual({
      ok: true,
      seconds: 43_200,
    });
    expect(durationToSeconds({ amount: ' 15 ', unit: 'seconds' })).toEqual({
      ok: true,
      seconds: 15,
    });
    expect(durationToSeconds({ amount: '0.33', unit: 'minutes' })).toEqual({
      ok: true,
      seconds: 20,
    });
  });

  it('refuses empty, non-numeric, zero and negative amounts with a reason', () => {
    for (const amount of ['', '  ', 'soon', '0', '-3', '0.001']) {
      const result = durationToSeconds({
        amount,
        unit: amount === '0.001' ? 'seconds' : 'minutes',
      });
      expect(result.ok, amount).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/\S/);
    }
  });
});

describe('secondsToDuration', () => {
  it('picks the largest unit that divides the seconds evenly', () => {
    expect(secondsToDuration(300)).toEqual({ amount: '5', unit: 'minutes' });
    expect(secondsToDuration(7200)).toEqual({ amount: '2', unit: 'hours' });
    expect(secondsToDuration(86_400 * 3)).toEqual({ amount: '3', unit: 'days' });
    expect(secondsToDuration(15, ['seconds', 'minutes'])).toEqual({
      amount: '15',
      unit: 'seconds',
    });
  });

  it('falls back to the smallest allowed unit with decimals, and round-trips', () => {
    expect(secondsToDuration(90)).toEqual({ amount: '1.5', unit: 'minutes' });
    for (const seconds of [60, 90, 300, 5400, 86_400, 129_600]) {
      const back = durationToSeconds(secondsToDuration(seconds));
      expect(back, String(seconds)).toEqual({ ok: true, seconds });
    }
  });
});

describe('describeSeconds', () => {
  it('reads like a sentence', () => {
    expect(describeSeconds(300)).toBe('5 minutes');
    expect(describeSeconds(60)).toBe('1 minute');
    expect(describeSeconds(3600)).toBe('1 hour');
    expect(describeSeconds(86_400 * 2)).toBe('2 days');
    expect(describeSeconds(15)).toBe('15 seconds');
    expect(describeSeconds(90)).toBe('1.5 minutes');
  });
});
