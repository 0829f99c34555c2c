'use client';
// An invited agent (or one whose password was reset by link) chooses a password and is
// signed in straight away.
import { type FormEvent, useState } from 'react';
import { apiFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { signInAndEnter } from './sign-in';

export function InviteForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/invites/${encodeURIComponent(token)}`, {
        method: 'POST',
        body: { password },
      });
      await signInAndEnter(email, password);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Choose a password">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Choose a password for <strong className="font-medium">{email}</strong>. You sign in with it
        from now on.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
      />
      <Button type="submit" variant="primary" disabled={busy}>
        Save and sign in
      </Button>
    </form>
  );
}
