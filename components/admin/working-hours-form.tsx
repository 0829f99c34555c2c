'use client';
// The Working hours screen: on/off, the time zone, the weekly schedule and holidays, saved
// together as the `workingHours` setting; the open/closed line and the offline text beside.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { WEEKDAYS, type WorkingHoursSettings } from '@/lib/contracts/settings';
import { Alert } from '../ui';
import { Card, Checkbox, SaveBar, Select } from './form';
import { useSaveSettings, useSettings } from './use-settings';
import { WorkingHoursHolidays } from './working-hours-holidays';
import { WorkingHoursOfflineMessage } from './working-hours-offline-message';
import { intervalProblem, WorkingHoursSchedule } from './working-hours-schedule';
import { WorkingHoursStatusLine, workingHoursStatusKey } from './working-hours-status';

function timeZones(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  // A zone the stored setting names stays selectable even if this browser does not list it.
  zones.add(current);
  return [...zones].sort();
}

export function WorkingHoursForm() {
  const { data: settings, error } = useSettings();
  return (
    <>
      <WorkingHoursStatusLine />
      {error ? <Alert>Settings could not be loaded: {error.message}</Alert> : null}
      {settings ? (
        <WorkingHoursEditor saved={settings.workingHours} />
      ) : error ? null : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      )}
      <WorkingHoursOfflineMessage />
    </>
  );
}

function WorkingHoursEditor({ saved }: { saved: WorkingHoursSettings }) {
  const [draft, setDraft] = useState(saved);
  const save = useSaveSettings();
  const client = useQueryClient();
  const zones = useMemo(() => timeZones(draft.timezone), [draft.timezone]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const invalid = WEEKDAYS.some((day) => intervalProblem(draft.week[day]) !== null);

  const change = (patch: Partial<WorkingHoursSettings>) => {
    setDraft({ ...draft, ...patch });
    save.reset();
  };
  const onSave = () =>
    save.mutate(
      { workingHours: draft },
      { onSuccess: () => client.invalidateQueries({ queryKey: workingHoursStatusKey }) },
    );

  return (
    <>
      <Card title="Schedule" description="When the team answers, in one time zone.">
        <Checkbox
          label="Use working hours"
          hint="Off: the team counts as open around the clock."
          checked={draft.enabled}
          onChange={(enabled) => change({ enabled })}
        />
        <Select
          label="Time zone"
          value={draft.timezone}
          onChange={(event) => change({ timezone: event.target.value })}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
        />
        <WorkingHoursSchedule week={draft.week} onChange={(week) => change({ week })} />
      </Card>
      <Card
        title="Holidays"
        description="Whole days off in the schedule’s time zone: the team counts as away all day."
      >
        <WorkingHoursHolidays
          holidays={draft.holidays}
          onChange={(holidays) => change({ holidays })}
        />
      </Card>
      <SaveBar
        label="Save working hours"
        onSave={onSave}
        pending={save.isPending}
        error={save.error ?? (invalid ? new Error('Fix the hours marked above first') : null)}
        saved={save.isSuccess}
        dirty={dirty && !invalid}
      />
    </>
  );
}
