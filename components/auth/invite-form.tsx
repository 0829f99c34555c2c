'use client';
import { type FormEvent, useState } from 'react';
import { apiFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { signInAndEnter } from './sign-in';

export function InviteForm({ token, name, email }: { token: string; name: string; email: string }) {
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
      <p className="text-sm text-slate-600">
        Hi {name}, choose a password for {email}.
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
      />
      <Button type="submit" variant="primary" disabled={busy}>
        Save and sign in
      </Button>
    </form>
  );
}
