'use client';
// Email as it runs: off, healthy or degraded (with the reason), where its configuration comes
// from, what waits in the outbox, and a test email sent through the server in effect.
import { useState } from 'react';
import type { EmailStatus } from '@/lib/contracts/settings';
import { errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { useSendTestEmail } from './email-queries';
import { Card } from './form';
import { StatusBadge } from './telegram-parts';

const SOURCES = {
  env: 'Environment variables (SMTP_URL, MAIL_FROM)',
  database: 'This console (saved in the database)',
  off: 'Not set up',
} as const;

export function EmailStatusCard({ status }: { status: EmailStatus }) {
  const badge = status.state === 'off' ? 'off' : status.state === 'ok' ? 'ok' : 'degraded';
  return (
    <Card title="Status">
      <div className="flex flex-wrap items-center gap-2" role="status" aria-label="Email status">
        <StatusBadge status={badge} />
        <span className="text-sm text-slate-700 dark:text-slate-300">
          {badge === 'off'
            ? 'Email is off: replies reach visitors only while they have the chat open.'
            : badge === 'ok'
              ? 'Replies reach visitors who left by email.'
              : status.state}
        </span>
      </div>
      {badge === 'degraded' ? (
        <Alert>
          Email waits in the outbox and goes out once the server answers.
          {status.fix ? ` ${status.fix}.` : ''}
        </Alert>
      ) : null}
      <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-slate-600 dark:text-slate-400">Sender</dt>
        <dd className="break-words">{status.from ?? '—'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Set up in</dt>
        <dd>{SOURCES[status.source]}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Waiting to go out</dt>
        <dd>{status.pending}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Refused for good</dt>
        <dd>{status.failed}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Replies by email</dt>
        <dd className="break-words">
          {status.inbound
            ? `Come back into the conversation: point your inbound mail provider at ${status.inboundUrl}`
            : 'Go to the sender’s mailbox (set an inbound secret to bring them into the conversation)'}
        </dd>
      </dl>
      {status.source !== 'off' ? <TestEmail /> : null}
    </Card>
  );
}

function TestEmail() {
  const [to, setTo] = useState('');
  const send = useSendTestEmail();
  return (
    <form
      aria-label="Send a test email"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate(to.trim());
      }}
    >
      <div className="min-w-56 flex-1">
        <Field
          label="Send a test email to"
          type="email"
          required
          placeholder="you@example.com"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <Button type="submit" disabled={send.isPending || !to.trim()}>
        {send.isPending ? 'Sending…' : 'Send test email'}
      </Button>
      {send.isSuccess ? (
        <p role="status" className="w-full text-sm text-emerald-700 dark:text-emerald-400">
          Sent to {send.data.to}. Check that it arrived (and not in spam).
        </p>
      ) : null}
      {send.error ? (
        <div className="w-full">
          <Alert>{errorMessage(send.error)}</Alert>
        </div>
      ) : null}
    </form>
  );
}
