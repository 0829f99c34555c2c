import { describe, expect, it } from 'vitest';
import { workingHoursSettingsSchema } from '../contracts/settings';
import { isWithinWorkingHours } from './working-hours';

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
