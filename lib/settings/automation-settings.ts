// Settings of the rules that run by themselves: reminders, auto-close, working hours and
// retention. Every threshold is in seconds, so tests (and impatient teams) can shrink them.
import { z } from 'zod';

const seconds = z
  .number()
  .int()
  .min(1)
  .max(365 * 86_400);

export const automationSettingsSchema = z.strictObject({
  /** Reminders to agents after the first unclaimed customer message. */
  firstReminderSeconds: seconds.default(300),
  secondReminderSeconds: seconds.default(900),
  /** Close when a customer's message got no agent reply for this long (null: never). */
  autoCloseNoAgentReplySeconds: seconds.nullable().default(null),
  /** Close when the customer stayed silent this long after an agent's reply (null: never). */
  autoCloseCustomerSilentSeconds: seconds.nullable().default(null),
  /** How often each instance looks for due reminders and closures. */
  sweepIntervalSeconds: z.number().int().min(1).max(3600).default(15),
});

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:MM');
const interval = z.strictObject({ from: clockTime, to: clockTime });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const officeDay = [{ from: '09:00', to: '17:00' }];
const day = z.array(interval).max(6).default([]);

export const workingHoursSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Unknown time zone')
    .default('UTC'),
  week: z
    .strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
    .default({
      mon: officeDay,
      tue: officeDay,
      wed: officeDay,
      thu: officeDay,
      fri: officeDay,
      sat: [],
      sun: [],
    }),
  /** Whole days off, as YYYY-MM-DD in the schedule's time zone. */
  holidays: z
    .array(z.string().regex(/^\d{4}-\d\d-\d\d$/, 'Expected YYYY-MM-DD'))
    .max(366)
    .default([]),
});
export type WorkingHoursSettings = z.output<typeof workingHoursSettingsSchema>;

export const retentionSettingsSchema = z.strictObject({
  /** Purge closed conversations this many days after they closed (null: keep forever). */
  closedConversationDays: z.number().int().min(1).max(36_500).nullable().default(null),
});
