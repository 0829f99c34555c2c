'use client';
// The Pre-chat form screen: the fields a visitor fills before the first message, in order,
// with the real widget's form beside them; saved as the `preChatFields` setting.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button } from '../ui';
import { Card, SaveBar } from './form';
import { PreChatFieldEditor } from './pre-chat-field-editor';
import { type FieldRow, newRow, PRESETS, problemsOf, toFields, toRows } from './pre-chat-fields';
import { useSaveSettings, useSettings } from './use-settings';
import { previewConfig, WidgetPreview } from './widget-preview';

export function PreChatEditor() {
  const settings = useSettings();
  const save = useSaveSettings();
  const saved = settings.data?.preChatFields.fields;
  const [rows, setRows] = useState<FieldRow[] | null>(null);

  useEffect(() => {
    if (saved && !rows) setRows(toRows(saved));
  }, [saved, rows]);

  const fields = useMemo(() => (rows ? toFields(rows) : []), [rows]);
  const widget = settings.data?.widget;
  const problems = useMemo(() => problemsOf(rows ?? []), [rows]);
  // The preview shows the fields that are complete enough to render.
  const config = useMemo(
    () =>
      widget
        ? previewConfig(
            widget,
            fields.filter((_field, index) => rows && !problems[rows[index]!.key]),
          )
        : null,
    [widget, fields, rows, problems],
  );

  if (settings.error) return <Alert>Could not load the settings: {settings.error.message}</Alert>;
  if (!rows || !saved || !config) return <p className="text-sm text-slate-500">Loading…</p>;

  const valid = Object.keys(problems).length === 0;
  const dirty = JSON.stringify(fields) !== JSON.stringify(saved);
  const update = (index: number, row: FieldRow) =>
    setRows(rows.map((old, i) => (i === index ? row : old)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
  };
  const add = (preset?: Partial<FieldRow>) => setRows([...rows, newRow(rows, preset)]);
  const hasId = (id: string) => rows.some((row) => row.id === id);
  const onSave = () =>
    save.mutate(
      { preChatFields: { fields } },
      { onSuccess: (all) => setRows(toRows(all.preChatFields.fields)) },
    );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
      <div className="flex min-w-0 flex-col gap-4">
        <Card
          title="Fields"
          description="Asked in this order before the first message. With no fields, visitors start chatting at once."
        >
          {rows.length ? (
            <ol className="flex flex-col gap-3">
              {rows.map((row, index) => (
                <PreChatFieldEditor
                  key={row.key}
                  row={row}
                  index={index}
                  count={rows.length}
                  takenIds={rows.filter((other) => other !== row).map((other) => other.id)}
                  problems={problems[row.key]}
                  onChange={(changed) => update(index, changed)}
                  onMove={(by) => move(index, by)}
                  onRemove={() => setRows(rows.filter((other) => other !== row))}
                />
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No fields yet.</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => add()} disabled={rows.length >= 20}>
              Add field
            </Button>
            <Button onClick={() => add(PRESETS.name)} disabled={rows.length >= 20 || hasId('name')}>
              Add “Visitor’s name”
            </Button>
            <Button
              onClick={() => add(PRESETS.email)}
              disabled={rows.length >= 20 || hasId('email')}
            >
              Add “Email”
            </Button>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            A field with the id <code>name</code> becomes the visitor’s name in the inbox; the
            answer to an Email field is shown as their email. Agents see each answer under its
            label.
          </p>
        </Card>
        <SaveBar
          onSave={onSave}
          pending={save.isPending}
          error={save.error}
          saved={save.isSuccess}
          dirty={dirty && valid}
          label="Save form"
        />
      </div>
      <div className="flex flex-col gap-2 lg:sticky lg:top-4 lg:self-start">
        <h2 className="font-semibold">Preview</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The real widget with your unsaved form; nothing is sent.
        </p>
        <WidgetPreview config={config} title="Pre-chat form preview" />
      </div>
    </div>
  );
}
