'use client';
// Every system message × every language: the default text and each language with a text of
// its own (or added here), one editable row each.
import { useState } from 'react';
import { isEmailTemplate, LOCALE_TAG_PATTERN, TEMPLATE_KEYS } from '@/lib/contracts/admin';
import { Alert, Button, Field } from '../ui';
import { Card, Select } from './form';
import { localeLabel, TEMPLATE_INFO } from './system-messages-descriptions';
import { effectiveTemplate, useTemplateCatalog } from './system-messages-queries';
import { SystemMessageRow } from './system-messages-row';

const ALL = '*';

export function SystemMessagesTable() {
  const { data: catalog, error } = useTemplateCatalog();
  const [added, setAdded] = useState<string[]>([]);
  const [tag, setTag] = useState('');
  const [tagError, setTagError] = useState<string | null>(null);
  const [shown, setShown] = useState<string>(ALL);

  if (error) return <Alert>System messages could not be loaded: {error.message}</Alert>;
  if (!catalog) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;

  const locales = ['', ...new Set([...catalog.locales, ...added])];
  const addLanguage = () => {
    const wanted = tag.trim();
    if (!LOCALE_TAG_PATTERN.test(wanted)) {
      setTagError('Expected a language tag such as de or pt-BR');
      return;
    }
    setTagError(null);
    setTag('');
    if (!locales.includes(wanted)) setAdded([...added, wanted]);
    setShown(wanted);
  };
  const visible = shown === ALL ? locales : locales.filter((locale) => locale === shown);

  return (
    <>
      <Card
        title="Languages"
        description="Customers get the text of their browser’s language, then of the language alone (pt for pt-BR), then the default text. A new language shows the inherited texts until you save its own."
      >
        <form
          aria-label="Add a language"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            addLanguage();
          }}
        >
          <Field
            label="Language tag"
            placeholder="de or pt-BR"
            value={tag}
            onChange={(event) => setTag(event.target.value)}
          />
          <Button type="submit">Add a language</Button>
          {tagError ? (
            <div className="w-full">
              <Alert>{tagError}</Alert>
            </div>
          ) : null}
        </form>
        <div className="max-w-xs">
          <Select
            label="Show"
            value={shown}
            onChange={(event) => setShown(event.target.value)}
            options={[
              { value: ALL, label: 'All languages' },
              ...locales.map((locale) => ({ value: locale, label: localeLabel(locale) })),
            ]}
          />
        </div>
      </Card>
      {TEMPLATE_KEYS.map((key) => (
        <Card
          key={key}
          title={TEMPLATE_INFO[key].name}
          description={TEMPLATE_INFO[key].description}
        >
          <div className="-mt-2 font-mono text-xs text-slate-500 dark:text-slate-400">{key}</div>
          <div
            aria-hidden="true"
            className="hidden gap-3 text-xs font-medium uppercase tracking-wide text-slate-500 md:grid md:grid-cols-[6rem_minmax(0,1fr)_13rem] dark:text-slate-400"
          >
            <span>Language</span>
            <span>Text</span>
            <span>{isEmailTemplate(key) ? 'Channel' : 'Delivery'}</span>
          </div>
          <div className="flex flex-col">
            {visible.map((locale) => {
              const { template, stored, from } = effectiveTemplate(catalog, key, locale);
              return (
                <SystemMessageRow
                  key={locale}
                  templateKey={key}
                  template={template}
                  stored={stored}
                  from={from}
                />
              );
            })}
          </div>
        </Card>
      ))}
    </>
  );
}
