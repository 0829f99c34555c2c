'use client';
// Overrides of the widget's own wording (the `strings` setting): the texts a visitor reads
// most, each empty until the admin writes their own.
import { Field } from '../ui';

/** Keys of the widget's string table (widget/app/i18n.ts) with their English defaults. */
const TEXTS = [
  {
    key: 'offline',
    label: 'Away message in the header',
    fallback: 'Away · we will reply as soon as we can',
  },
  {
    key: 'chooseDepartment',
    label: 'Department question',
    fallback: 'Who would you like to talk to?',
  },
  {
    key: 'formIntro',
    label: 'Pre-chat form intro',
    fallback: 'Before we start, tell us a little about you.',
  },
  { key: 'start', label: 'Start button', fallback: 'Start chat' },
  { key: 'placeholder', label: 'Message box placeholder', fallback: 'Write a message…' },
  { key: 'closed', label: 'Conversation closed', fallback: 'This conversation has been closed.' },
  {
    key: 'newConversation',
    label: 'New conversation button',
    fallback: 'Start a new conversation',
  },
] as const;

export function WidgetTexts({
  strings,
  onChange,
}: {
  strings: Record<string, string>;
  onChange: (strings: Record<string, string>) => void;
}) {
  const set = (key: string, value: string) => {
    const next = { ...strings };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-medium">Your own texts</legend>
      <p className="-mt-1 text-xs text-slate-500 dark:text-slate-400">
        Used for visitors who get the widget in the locale above; empty keeps the built-in text
        (shown greyed).
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {TEXTS.map((text) => (
          <Field
            key={text.key}
            label={text.label}
            value={strings[text.key] ?? ''}
            placeholder={text.fallback}
            maxLength={500}
            onChange={(event) => set(text.key, event.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
