'use client';
// The Automation screen: reminders, auto-close rules, retention and the sweep interval, each
// entered as a number and a unit and stored as seconds (retention as days).
import { useState } from 'react';
import type { AllSettings } from '@/lib/contracts/settings';
import { Alert } from '../ui';
import { AutomationSummary } from './automation-summary';
import { type Duration, type DurationUnit, durationToSeconds, secondsToDuration } from './duration';
import { DurationInput } from './duration-input';
import { Card, SaveBar } from './form';
import { useSaveSettings, useSettings } from './use-settings';

type Values = {
  firstReminderSeconds: Duration;
  secondReminderSeconds: Duration;
  autoCloseNoAgentReplySeconds: Duration | null;
  autoCloseCustomerSilentSeconds: Duration | null;
  closedConversationDays: Duration | null;
  sweepIntervalSeconds: Duration;
};
type Field = keyof Values;
type Errors = Partial<Record<Field, string>>;

const REMINDER_UNITS: DurationUnit[] = ['minutes', 'hours', 'days'];
const SWEEP_UNITS: DurationUnit[] = ['seconds', 'minutes'];
const DAYS: DurationUnit[] = ['days'];

const optional = (seconds: number | null, units = REMINDER_UNITS) =>
  seconds === null ? null : secondsToDuration(seconds, units);

function toValues(settings: AllSettings): Values {
  const { automation, retention } = settings;
  return {
    firstReminderSeconds: secondsToDuration(automation.firstReminderSeconds),
    secondReminderSeconds: secondsToDuration(automation.secondReminderSeconds),
    autoCloseNoAgentReplySeconds: optional(automation.autoCloseNoAgentReplySeconds),
    autoCloseCustomerSilentSeconds: optional(automation.autoCloseCustomerSilentSeconds),
    closedConversationDays: optional(
      retention.closedConversationDays === null ? null : retention.closedConversationDays * 86_400,
      DAYS,
    ),
    sweepIntervalSeconds: secondsToDuration(automation.sweepIntervalSeconds, SWEEP_UNITS),
  };
}

/** The patch for `POST /api/v1/admin/settings`, or the reason per field it cannot be sent. */
function toPatch(values: Values) {
  const errors: Errors = {};
  const seconds = (field: Field): number | null => {
    const value = values[field];
    if (value === null) return null;
    const result = durationToSeconds(value);
    if (result.ok) return result.seconds;
    errors[field] = result.message;
    return null;
  };
  const automation = {
    firstReminderSeconds: seconds('firstReminderSeconds'),
    secondReminderSeconds: seconds('secondReminderSeconds'),
    autoCloseNoAgentReplySeconds: seconds('autoCloseNoAgentReplySeconds'),
    autoCloseCustomerSilentSeconds: seconds('autoCloseCustomerSilentSeconds'),
    sweepIntervalSeconds: seconds('sweepIntervalSeconds'),
  };
  const retentionSeconds = seconds('closedConversationDays');
  if (retentionSeconds !== null && retentionSeconds % 86_400 !== 0) {
    errors.closedConversationDays = 'Whole days only';
  }
  const { firstReminderSeconds: first, secondReminderSeconds: second } = automation;
  if (first !== null && second !== null && second <= first) {
    errors.secondReminderSeconds = 'Must come after the first reminder';
  }
  return {
    errors,
    patch: {
      automation,
      retention: {
        closedConversationDays: retentionSeconds === null ? null : retentionSeconds / 86_400,
      },
    },
  };
}

/** An API message such as "automation.sweepIntervalSeconds: Too big" belongs to that field. */
function fieldOfApiError(error: unknown): Field | null {
  const message = error instanceof Error ? error.message : '';
  const match = /^(?:automation|retention)\.(\w+):/.exec(message);
  return match && match[1]! in FIELD_LABELS ? (match[1] as Field) : null;
}

const FIELD_LABELS: Record<Field, string> = {
  firstReminderSeconds: 'First reminder',
  secondReminderSeconds: 'Second reminder',
  autoCloseNoAgentReplySeconds: 'Close when the customer gets no reply',
  autoCloseCustomerSilentSeconds: 'Close when the customer goes silent',
  closedConversationDays: 'Delete closed conversations',
  sweepIntervalSeconds: 'Check every',
};

export function AutomationForm() {
  const { data: settings, error } = useSettings();
  if (error) return <Alert>Settings could not be loaded: {String(error.message)}</Alert>;
  if (!settings) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  return <AutomationEditor settings={settings} />;
}

function AutomationEditor({ settings }: { settings: AllSettings }) {
  const [values, setValues] = useState(() => toValues(settings));
  const [shownErrors, setShownErrors] = useState<Errors>({});
  const save = useSaveSettings();
  const { errors, patch } = toPatch(values);
  const saved = toPatch(toValues(settings)).patch;
  const dirty = JSON.stringify(patch) !== JSON.stringify(saved);
  const apiField = fieldOfApiError(save.error);

  const set = (field: Field) => (value: Duration | null) => {
    setValues((current) => ({ ...current, [field]: value }));
    setShownErrors((current) => ({ ...current, [field]: undefined }));
    save.reset();
  };
  const errorOf = (field: Field) =>
    shownErrors[field] ??
    (apiField === field ? (save.error as Error).message.replace(/^[\w.]+: /, '') : undefined);

  const onSave = () => {
    setShownErrors(errors);
    // Without errors every field that cannot be off holds a number.
    if (Object.keys(errors).length === 0) save.mutate(patch as Parameters<typeof save.mutate>[0]);
  };

  const input = (
    field: Field,
    props: { units: DurationUnit[]; hint: string; offLabel?: string },
  ) => (
    <DurationInput
      label={FIELD_LABELS[field]}
      value={values[field]}
      onChange={set(field)}
      error={errorOf(field)}
      {...props}
    />
  );

  return (
    <>
      <AutomationSummary settings={settings} />
      <Card
        title="Reminders"
        description="Agents are reminded in the inbox and in Telegram of a customer message nobody claimed. Customers never see these. Reminders pause outside working hours."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {input('firstReminderSeconds', {
            units: REMINDER_UNITS,
            hint: 'After the first unclaimed customer message.',
          })}
          {input('secondReminderSeconds', {
            units: REMINDER_UNITS,
            hint: 'Pinned in the conversation’s Telegram topic.',
          })}
        </div>
      </Card>
      <Card
        title="Auto-close"
        description="Conversations close by themselves so the queue stays short. The customer can reopen one by writing again."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {input('autoCloseNoAgentReplySeconds', {
            units: REMINDER_UNITS,
            offLabel: 'Close automatically',
            hint: 'A customer message that got no agent reply for this long.',
          })}
          {input('autoCloseCustomerSilentSeconds', {
            units: REMINDER_UNITS,
            offLabel: 'Close automatically',
            hint: 'The customer stayed silent this long after an agent replied.',
          })}
        </div>
      </Card>
      <Card
        title="Retention and sweeps"
        description="How long closed conversations are kept, and how often the server looks for due reminders and closures."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {input('closedConversationDays', {
            units: DAYS,
            offLabel: 'Delete after a while',
            hint: 'Deleted once a day with their Telegram topics. Off keeps them forever.',
          })}
          {input('sweepIntervalSeconds', {
            units: SWEEP_UNITS,
            hint: 'Per server instance, at most one hour.',
          })}
        </div>
      </Card>
      <SaveBar
        onSave={onSave}
        pending={save.isPending}
        error={save.error && !apiField ? save.error : null}
        saved={save.isSuccess}
        dirty={dirty}
      />
      {save.error && apiField ? (
        <Alert>Not saved: see “{FIELD_LABELS[apiField]}” above.</Alert>
      ) : null}
    </>
  );
}
