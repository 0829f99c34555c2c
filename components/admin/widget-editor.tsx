'use client';
// The Widget screen: look, texts and language edited side by side with the real widget
// showing the unsaved values, saved through `POST /api/v1/admin/settings`.
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '@/lib/contracts/settings';
import { useWidgetConfig } from '../inbox/use-widget-config';
import { Alert, Field } from '../ui';
import { Card, controlClass, SaveBar, Select, TextArea } from './form';
import { useSaveSettings, useSettings } from './use-settings';
import { previewConfig, WidgetPreview } from './widget-preview';
import { WidgetTexts } from './widget-texts';

type WidgetSettings = Settings<'widget'>;

const HEX = /^#[0-9a-fA-F]{6}$/;

const LOCALES = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'ru', label: 'Русский' },
];

export function WidgetEditor() {
  const settings = useSettings();
  const save = useSaveSettings();
  const saved = settings.data?.widget;
  const [draft, setDraft] = useState<WidgetSettings | null>(null);
  // The colour as typed, which may be half a hex code for a moment.
  const [colorText, setColorText] = useState('');

  useEffect(() => {
    if (saved && !draft) {
      setDraft(saved);
      setColorText(saved.color);
    }
  }, [saved, draft]);

  // The team's faces as visitors get them now (who shows is each agent's own choice).
  const faces = useWidgetConfig().data?.agents;
  const config = useMemo(() => (draft ? previewConfig(draft, [], faces) : null), [draft, faces]);

  if (settings.error) return <Alert>Could not load the settings: {settings.error.message}</Alert>;
  if (!draft || !saved || !config) return <p className="text-sm text-slate-500">Loading…</p>;

  const change = (patch: Partial<WidgetSettings>) => setDraft({ ...draft, ...patch });
  const colorValid = HEX.test(colorText);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const onSave = () => {
    const { onlineWindowSeconds: _unchanged, ...look } = draft;
    save.mutate({ widget: look }, { onSuccess: (all) => setDraft(all.widget) });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
      <div className="flex min-w-0 flex-col gap-6">
        <Card title="Look" description="What visitors see in the corner of your site.">
          <Field
            label="Title"
            value={draft.title}
            maxLength={60}
            required
            onChange={(event) => change({ title: event.target.value })}
          />
          <Field
            label="Subtitle"
            hint="Shown under the title while someone is online."
            value={draft.subtitle}
            maxLength={120}
            onChange={(event) => change({ subtitle: event.target.value })}
          />
          <Field
            label="Team name"
            hint="Who answers, shown with the team's photos; leave empty to use the title."
            value={draft.teamName}
            maxLength={60}
            onChange={(event) => change({ teamName: event.target.value })}
          />
          <TextArea
            label="Greeting"
            hint="The first message a visitor sees in a new conversation."
            value={draft.greeting}
            maxLength={500}
            onChange={(event) => change({ greeting: event.target.value })}
          />
          <div className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1 text-sm">
              <label
                htmlFor="widget-color"
                className="font-medium text-slate-700 dark:text-slate-300"
              >
                Colour
              </label>
              <div className="flex items-center gap-2">
                <input
                  type="color"
                  aria-label="Pick the colour"
                  value={colorValid ? colorText : draft.color}
                  onChange={(event) => {
                    setColorText(event.target.value);
                    change({ color: event.target.value });
                  }}
                  className="h-9 w-12 cursor-pointer rounded border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-950"
                />
                <input
                  id="widget-color"
                  value={colorText}
                  maxLength={7}
                  spellCheck={false}
                  aria-invalid={!colorValid}
                  aria-describedby="widget-color-hint"
                  onChange={(event) => {
                    const value = event.target.value.trim();
                    setColorText(value);
                    if (HEX.test(value)) change({ color: value.toLowerCase() });
                  }}
                  className={`${controlClass} w-28 font-mono`}
                />
              </div>
              <span
                id="widget-color-hint"
                className={
                  colorValid
                    ? 'text-xs text-slate-500 dark:text-slate-400'
                    : 'text-xs text-red-700 dark:text-red-300'
                }
              >
                {colorValid ? 'As #rrggbb.' : 'Enter a colour as #rrggbb, e.g. #0f766e.'}
              </span>
            </div>
            <div className="w-40">
              <Select
                label="Position"
                value={draft.position}
                options={[
                  { value: 'right', label: 'Bottom right' },
                  { value: 'left', label: 'Bottom left' },
                ]}
                onChange={(event) => change({ position: event.target.value as 'left' | 'right' })}
              />
            </div>
          </div>
        </Card>

        <Card
          title="Language and texts"
          description="Visitors get the widget in their browser’s language when it is English, German or Russian, otherwise in the locale below."
        >
          <div className="w-48">
            <Select
              label="Locale"
              value={draft.locale}
              options={
                LOCALES.some((l) => l.value === draft.locale)
                  ? LOCALES
                  : [...LOCALES, { value: draft.locale, label: draft.locale }]
              }
              onChange={(event) => change({ locale: event.target.value })}
            />
          </div>
          <WidgetTexts strings={draft.strings} onChange={(strings) => change({ strings })} />
        </Card>

        <SaveBar
          onSave={onSave}
          pending={save.isPending}
          error={save.error}
          saved={save.isSuccess}
          dirty={dirty && colorValid && draft.title.trim() !== ''}
          label="Save widget"
        />
      </div>

      <div className="flex flex-col gap-2 lg:sticky lg:top-4 lg:self-start">
        <h2 className="font-semibold">Preview</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The real widget with your unsaved changes; nothing you type here is sent.
        </p>
        <WidgetPreview config={config} title="Widget preview" />
      </div>
    </div>
  );
}
