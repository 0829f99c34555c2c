import { describe, expect, it } from 'vitest';
import { workingHoursSettingsSchema } from '../contracts/settings';
import { isWithinWorkingHours, nextOpening } from './working-hours';

const schedule = (overrides: Record<string, unknown> = {}) =>
  workingHoursSettingsSchema.parse({ enabled: true, timezone: 'Europe/Berlin', ...overrides });

describe('isWithinWorkingHours', () => {
  it('is always open when the schedule is off', () => {
    expect(
      isWithinWorkingHours(schedule({ enabled: false }), new Date('2026-11-22T03:00:00Z')),
    ).toBe(true);
  });

  it('follows the weekly schedule in the schedule’s time zone', () => {
    const office = schedule();
    // Monday 23 Nov 2026: 08:30 UTC is 09:30 in Berlin (CET, UTC+1).
    expect(isWithinWorkingHours(office, new Date('2026-11-23T08:30:00Z'))).toBe(true);
    expect(isWithinWorkingHours(office, new Date('2026-11-23T07:59:00Z'))).toBe(false);
    // 16:59 Berlin is open, 17:00 is closed (the end is exclusive).
    expect(isWithinWorkingHours(office, new Date('2026-11-23T15:59:00Z'))).toBe(true);
    expect(isWithinWorkingHours(office, new Date('2026-11-23T16:00:00Z'))).toBe(false);
    // Sunday is off by default.
    expect(isWithinWorkingHours(office, new Date('2026-11-22T10:00:00Z'))).toBe(false);
  });

  it('is closed on holidays, by the local date', () => {
    const office = schedule({ holidays: ['2026-12-24'] });
    expect(isWithinWorkingHours(office, new Date('2026-12-24T10:00:00Z'))).toBe(false);
    expect(isWithinWorkingHours(office, new Date('2026-12-23T10:00:00Z'))).toBe(true);
  });

  it('supports split days and a day that runs to midnight', () => {
    const split = schedule({
      timezone: 'UTC',
      week: {
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '24:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [],
        sun: [],
      },
    });
    expect(isWithinWorkingHours(split, new Date('2026-11-23T12:30:00Z'))).toBe(false);
    expect(isWithinWorkingHours(split, new Date('2026-11-23T23:59:00Z'))).toBe(true);
  });

  it('rejects unknown time zones and malformed times', () => {
    expect(workingHoursSettingsSchema.safeParse({ timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(
      workingHoursSettingsSchema.safeParse({ week: { mon: [{ from: '9', to: '17:00' }] } }).success,
    ).toBe(false);
  });
});

describe('nextOpening', () => {
  it('is null within working hours and without a schedule', () => {
    expect(nextOpening(schedule(), new Date('2026-11-23T08:30:00Z'))).toBeNull();
    expect(nextOpening(schedule({ enabled: false }), new Date('2026-11-22T03:00:00Z'))).toBeNull();
  });

  it('is the start of the next slot, in the schedule’s time zone', () => {
    // Monday 23 Nov 2026, 07:00 Berlin: opens at 09:00 Berlin, 08:00 UTC.
    expect(nextOpening(schedule(), new Date('2026-11-23T06:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    // Friday evening: back on Monday morning, the weekend skipped.
    expect(nextOpening(schedule(), new Date('2026-11-27T17:30:00Z'))?.toISOString()).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });

  it('skips holidays and follows daylight saving time', () => {
    const office = schedule({ holidays: ['2026-12-24', '2026-12-25'] });
    expect(nextOpening(office, new Date('2026-12-23T18:00:00Z'))?.toISOString()).toBe(
      '2026-12-28T08:00:00.000Z',
    );
    // Summer time began on Sunday 29 March 2026: Monday 09:00 Berlin is 07:00 UTC.
    expect(nextOpening(schedule(), new Date('2026-03-28T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('is null when the week has no working time', () => {
    const never = schedule({
      week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(nextOpening(never, new Date('2026-11-23T06:00:00Z'))).toBeNull();
  });
});
