'use client';
import { type FormEvent, useState } from 'react';
import { apiFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { signInAndEnter } from './sign-in';

export function SetupForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) {
      setError('The passwords do not match.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiFetch('/setup', {
        method: 'POST',
        body: { name: form.get('name'), email, password },
      });
      await signInAndEnter(email, password);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Create the admin account">
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" required maxLength={64} />
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
      />
      <Field
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <Button type="submit" variant="primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create admin account'}
      </Button>
    </form>
  );
}
