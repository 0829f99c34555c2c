'use client';
// An agent's own settings: the photo and name customers see, whether the widget shows
// them, the closing message, and a one-time code that links their Telegram account
// (`/link <code>` in the support group).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Profile } from '@/lib/contracts/agent';
import { apiFetch, errorMessage } from '../api';
import { keys } from '../inbox/cache';
import { Alert, Button, Field } from '../ui';
import { AvatarPicker } from './avatar-picker';

export function ProfileForm() {
  const client = useQueryClient();
  const profile = useQuery({
    queryKey: keys.me,
    queryFn: async () => (await apiFetch<{ profile: Profile }>('/me')).profile,
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: { name: string; closingMessage: string; shownInWidget: boolean }) =>
      apiFetch<{ profile: Profile }>('/me', { method: 'PATCH', body }),
    onSuccess: ({ profile: updated }) => {
      client.setQueryData(keys.me, updated);
      setSaved(true);
    },
  });
  const link = useMutation({
    mutationFn: () =>
      apiFetch<{ code: string; expiresAt: string }>('/me/telegram-link', { method: 'POST' }),
  });

  if (!profile.data) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaved(false);
    save.mutate({
      name: String(form.get('name')),
      closingMessage: String(form.get('closingMessage')),
      shownInWidget: form.get('shownInWidget') === 'on',
    });
  };

  return (
    <div className="flex flex-col gap-8">
      <AvatarPicker profile={profile.data} />
      <form onSubmit={submit} aria-label="Profile" className="flex flex-col gap-4">
        {save.isError ? <Alert>{errorMessage(save.error)}</Alert> : null}
        {saved ? <Alert tone="info">Saved.</Alert> : null}
        <Field
          label="Display name"
          name="name"
          defaultValue={profile.data.name}
          required
          maxLength={64}
        />
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="shownInWidget"
            defaultChecked={profile.data.shownInWidget}
            className="mt-0.5 h-4 w-4 accent-indigo-600"
          />
          <span>
            <span className="font-medium text-slate-700 dark:text-slate-300">
              Show me in the chat widget
            </span>
            <span className="block text-xs text-slate-500 dark:text-slate-400">
              Your name and photo appear among the team's faces before a visitor writes.
            </span>
          </span>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">Closing message</span>
          <textarea
            name="closingMessage"
            defaultValue={profile.data.closingMessage ?? ''}
            rows={3}
            maxLength={1000}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-950"
          />
          <span className="text-xs text-slate-500 dark:text-slate-400">
            Sent to the customer when you close a conversation. Leave empty for the team default.
          </span>
        </label>
        <Button type="submit" variant="primary" disabled={save.isPending} className="self-start">
          Save profile
        </Button>
      </form>
      <section aria-label="Telegram" className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">Telegram</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {profile.data.telegramLinked
            ? 'Your Telegram account is linked.'
            : 'Link your Telegram account to answer from the support group under your name.'}
        </p>
        <Button className="self-start" onClick={() => link.mutate()} disabled={link.isPending}>
          Get a link code
        </Button>
        {link.isError ? <Alert>{errorMessage(link.error)}</Alert> : null}
        {link.data ? (
          <Alert tone="info">
            Send <code className="font-mono font-semibold">/link {link.data.code}</code> in the
            support group. The code works once, until{' '}
            {new Date(link.data.expiresAt).toLocaleTimeString()}.
          </Alert>
        ) : null}
      </section>
    </div>
  );
}
