'use client';
// One system message in one language, edited in place: text, delivery flags, rate limit,
// saved on its own; a stored text can be reset so the inherited one applies again.
import { useId, useState } from 'react';
import { isEmailTemplate, type TemplateKey } from '@/lib/contracts/admin';
import { errorMessage } from '../api';
import { Alert, Button } from '../ui';
import { controlClass } from './form';
import { DELIVERY_FLAGS, localeLabel, TEMPLATE_INFO } from './system-messages-descriptions';
import { type TemplateDraft, useResetTemplate, useSaveTemplate } from './system-messages-queries';

const minutesOf = (seconds: number) => String(Number((seconds / 60).toFixed(2)));

export function SystemMessageRow({
  templateKey,
  template,
  stored,
  from,
}: {
  templateKey: TemplateKey;
  /** What applies now; the starting point of the editor. */
  template: TemplateDraft;
  /** Whether this key + locale has a text of its own (and so can be reset). */
  stored: boolean;
  /** The locale the text comes from ('' the default text), null for the built-in text. */
  from: string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState(template);
  const [minutes, setMinutes] = useState(minutesOf(template.rateLimitSeconds));
  const [invalid, setInvalid] = useState<string | null>(null);
  // A saved or reset value becomes the editor's new starting point (keeping "Saved" shown).
  const [shown, setShown] = useState(JSON.stringify(template));
  if (shown !== JSON.stringify(template)) {
    setShown(JSON.stringify(template));
    setDraft(template);
    setMinutes(minutesOf(template.rateLimitSeconds));
  }
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const locale = template.locale;
  const name = `${TEMPLATE_INFO[templateKey].name}, ${localeLabel(locale)}`;
  const changed =
    JSON.stringify(draft) !== JSON.stringify(template) ||
    minutes !== minutesOf(template.rateLimitSeconds);
  // A language without its own text may adopt the inherited one as it is.
  const dirty = changed || (!stored && locale !== '');

  const onSave = () => {
    const value = Number(minutes.trim().replace(',', '.'));
    if (minutes.trim() === '' || !Number.isFinite(value) || value < 0) {
      setInvalid('Enter the minutes as a number, 0 for no limit');
      return;
    }
    setInvalid(null);
    save.mutate({ ...draft, rateLimitSeconds: Math.round(value * 60) });
  };

  const origin = stored
    ? 'Changed here'
    : from === null
      ? 'Built-in text'
      : `Uses the ${localeLabel(from).toLowerCase()} text`;
  const error =
    invalid ?? (save.error || reset.error ? errorMessage(save.error ?? reset.error) : null);

  return (
    <form
      aria-label={name}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      className="grid gap-3 border-t border-slate-200 py-3 first:border-t-0 md:grid-cols-[6rem_minmax(0,1fr)_13rem] dark:border-slate-800"
    >
      <div className="flex flex-row items-baseline gap-2 md:flex-col md:gap-1">
        <span className="font-mono text-sm font-semibold">{localeLabel(locale)}</span>
        <span
          className={`text-xs ${stored ? 'text-amber-700 dark:text-amber-400' : 'text-slate-500 dark:text-slate-400'}`}
        >
          {origin}
        </span>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${id}-text`} className="sr-only">
          Text
        </label>
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={4000}
          className={controlClass}
          value={draft.text}
          onChange={(event) => setDraft({ ...draft, text: event.target.value })}
        />
      </div>
      {isEmailTemplate(templateKey) ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Sent by email; {'{team}'}, {'{agent}'} and {'{codename}'} are filled in.
        </p>
      ) : (
        <fieldset className="flex flex-col gap-1.5 text-sm">
          <legend className="sr-only">Delivery</legend>
          {DELIVERY_FLAGS.map(({ flag, label }) => (
            <label
              key={flag}
              className="flex items-center gap-2 text-slate-700 dark:text-slate-300"
            >
              <input
                type="checkbox"
                className="size-4 accent-indigo-600"
                checked={draft[flag]}
                onChange={(event) => setDraft({ ...draft, [flag]: event.target.checked })}
              />
              {label}
            </label>
          ))}
          <label className="mt-1 flex items-center gap-2 text-slate-700 dark:text-slate-300">
            <span>At most every</span>
            <input
              type="text"
              inputMode="decimal"
              aria-label="Rate limit in minutes"
              className={`${controlClass} w-16 px-2 py-1`}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
            />
            <span>min</span>
          </label>
          <span className="text-xs text-slate-500 dark:text-slate-400">
            Per conversation; 0 sends it every time.
          </span>
        </fieldset>
      )}
      <div className="flex flex-wrap items-center gap-2 md:col-start-2 md:col-span-2">
        <Button type="submit" variant="primary" disabled={save.isPending || !dirty}>
          {save.isPending ? 'Saving…' : 'Save'}
        </Button>
        {stored ? (
          <Button
            variant="ghost"
            disabled={reset.isPending}
            onClick={() => reset.mutate({ key: templateKey, locale })}
          >
            {locale === '' ? 'Reset to default' : 'Reset to inherited text'}
          </Button>
        ) : null}
        {save.isSuccess && !dirty ? (
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved
          </span>
        ) : null}
        {error ? (
          <div className="w-full">
            <Alert>{error}</Alert>
          </div>
        ) : null}
      </div>
    </form>
  );
}
