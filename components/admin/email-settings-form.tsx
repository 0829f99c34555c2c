'use client';
// The SMTP server, the sender and when replies go out to visitors who left. Secrets are
// write-only: left empty they stay as saved. While SMTP_URL is set in the environment the
// server fields are read-only here.
import { useState } from 'react';
import type { EmailSettingsView } from '@/lib/contracts/settings';
import { Alert, Button, Field } from '../ui';
import { type Duration, durationToSeconds, secondsToDuration } from './duration';
import { DurationInput } from './duration-input';
import { type EmailPatch, useSaveEmail } from './email-queries';
import { Card, SaveBar } from './form';

const UNITS = ['seconds', 'minutes', 'hours'] as const;
type Timing = 'awaySeconds' | 'batchSeconds' | 'minIntervalSeconds';

const secretHint = (secret: { set: boolean; last4: string | null }, what: string) =>
  secret.set
    ? `Saved, ending in ${secret.last4}. Leave empty to keep it.`
    : `No ${what} saved yet.`;

export function EmailSettingsForm({ settings }: { settings: EmailSettingsView }) {
  const save = useSaveEmail();
  const fromEnv = settings.managedByEnvironment;
  const [smtpUrl, setSmtpUrl] = useState('');
  const [from, setFrom] = useState(settings.from ?? '');
  const [replyTo, setReplyTo] = useState(settings.replyTo ?? '');
  const [inboundSecret, setInboundSecret] = useState('');
  const [timing, setTiming] = useState<Record<Timing, Duration | null>>(() => ({
    awaySeconds: secondsToDuration(settings.awaySeconds, [...UNITS]),
    batchSeconds: settings.batchSeconds
      ? secondsToDuration(settings.batchSeconds, [...UNITS])
      : null,
    minIntervalSeconds: settings.minIntervalSeconds
      ? secondsToDuration(settings.minIntervalSeconds, [...UNITS])
      : null,
  }));
  const [errors, setErrors] = useState<Partial<Record<Timing, string>>>({});

  const onSave = () => {
    const patch: EmailPatch = {};
    const problems: Partial<Record<Timing, string>> = {};
    for (const field of Object.keys(timing) as Timing[]) {
      const value = timing[field];
      if (value === null) {
        patch[field] = 0;
        continue;
      }
      const result = durationToSeconds(value);
      if (result.ok) patch[field] = result.seconds;
      else problems[field] = result.message;
    }
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (!fromEnv) {
      if (smtpUrl.trim()) patch.smtpUrl = smtpUrl.trim();
      patch.from = from.trim() || null;
      patch.replyTo = replyTo.trim() || null;
    }
    if (inboundSecret.trim()) patch.inboundSecret = inboundSecret.trim();
    save.mutate(patch, {
      onSuccess: () => {
        setSmtpUrl('');
        setInboundSecret('');
      },
    });
  };

  const secondsOf = (value: Duration | null) => {
    if (value === null) return 0;
    const result = durationToSeconds(value);
    return result.ok ? result.seconds : Number.NaN;
  };
  const dirty =
    smtpUrl.trim() !== '' ||
    inboundSecret.trim() !== '' ||
    (!fromEnv && from.trim() !== (settings.from ?? '')) ||
    (!fromEnv && replyTo.trim() !== (settings.replyTo ?? '')) ||
    (Object.keys(timing) as Timing[]).some((field) => secondsOf(timing[field]) !== settings[field]);

  const setDuration = (field: Timing) => (value: Duration | null) =>
    setTiming({ ...timing, [field]: value });

  return (
    <>
      <Card
        title="SMTP server"
        description="Parley sends replies to visitors who left, and transcripts they ask for, through this server."
      >
        {fromEnv ? (
          <Alert tone="info">
            The server and sender are set by SMTP_URL and MAIL_FROM (with MAIL_REPLY_TO) in the
            server’s environment, which win over the console. Change them there (and restart), or
            remove them to set email up here.
          </Alert>
        ) : (
          <>
            <Field
              label="SMTP URL"
              type="password"
              autoComplete="off"
              placeholder="smtp://user:password@mail.example.com:587"
              hint={secretHint(settings.smtpUrl, 'SMTP URL')}
              value={smtpUrl}
              onChange={(event) => setSmtpUrl(event.target.value)}
            />
            <Field
              label="From"
              placeholder="Acme support <support@example.com>"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
            <Field
              label="Replies go to (optional)"
              type="email"
              placeholder="The from address"
              hint="Plus-addressed per conversation (support+…@example.com), so a reply finds its conversation."
              value={replyTo}
              onChange={(event) => setReplyTo(event.target.value)}
            />
          </>
        )}
        {settings.inboundManagedByEnvironment ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Replies by email come back into conversations: the inbound secret is set by
            EMAIL_INBOUND_SECRET.
          </p>
        ) : (
          <Field
            label="Inbound secret (optional)"
            type="password"
            autoComplete="off"
            hint={`${secretHint(settings.inboundSecret, 'inbound secret')} With one, replies posted by your inbound mail provider become the visitor’s messages.`}
            value={inboundSecret}
            onChange={(event) => setInboundSecret(event.target.value)}
          />
        )}
      </Card>
      <Card
        title="When replies go out"
        description="An agent’s reply is emailed once the visitor has had no chat window open for a while, together with the replies that follow."
      >
        <div className="grid gap-4 md:grid-cols-3">
          <DurationInput
            label="Visitor away for"
            units={UNITS}
            value={timing.awaySeconds}
            onChange={setDuration('awaySeconds')}
            error={errors.awaySeconds}
          />
          <DurationInput
            label="Wait for more replies"
            offLabel="Gather a burst of replies"
            units={UNITS}
            value={timing.batchSeconds}
            onChange={setDuration('batchSeconds')}
            error={errors.batchSeconds}
          />
          <DurationInput
            label="At most one email every"
            offLabel="Limit per conversation"
            units={UNITS}
            value={timing.minIntervalSeconds}
            onChange={setDuration('minIntervalSeconds')}
            error={errors.minIntervalSeconds}
          />
        </div>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <SaveBar
          onSave={onSave}
          pending={save.isPending}
          error={save.error}
          saved={save.isSuccess}
          dirty={dirty}
        />
        {!fromEnv && settings.smtpUrl.set ? (
          <Button
            variant="ghost"
            disabled={save.isPending}
            onClick={() => save.mutate({ smtpUrl: null })}
          >
            Turn email off
          </Button>
        ) : null}
      </div>
    </>
  );
}
