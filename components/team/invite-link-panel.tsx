'use client';
// A one-time link for an agent, to send them by any channel: shown after an invitation or a
// reset by link, and again on demand while it is pending.
import { CopyButton, controlClass } from '../admin/form';
import { Button } from '../ui';
import type { PendingLink } from './use-team';

export interface ShownLink {
  agentId: string;
  name: string;
  kind: 'invite' | 'reset';
  link: PendingLink;
}

export function InviteLinkPanel({
  shown,
  onReissue,
  onDismiss,
}: {
  shown: ShownLink;
  onReissue: () => void;
  onDismiss: () => void;
}) {
  const { name, kind, link } = shown;
  const until = new Date(link.expiresAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section
      aria-label={`Link for ${name}`}
      className="flex flex-col gap-2 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
    >
      <p>
        {kind === 'invite'
          ? `Send this invitation link to ${name}. They choose a password with it and are signed in.`
          : `Send this link to ${name} so they can choose a new password.`}{' '}
        {link.expired ? (
          <strong className="font-semibold text-amber-800 dark:text-amber-300">
            It expired on {until}; re-issue it to send a new one.
          </strong>
        ) : (
          <>It works once, until {until}.</>
        )}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          readOnly
          value={link.url}
          aria-label={`One-time link for ${name}`}
          onFocus={(event) => event.currentTarget.select()}
          className={`${controlClass} min-w-0 flex-1 font-mono text-xs`}
        />
        <div className="flex gap-2">
          <CopyButton text={link.url} label="Copy link" />
          <Button onClick={onReissue}>Re-issue</Button>
          <Button variant="ghost" onClick={onDismiss}>
            Done
          </Button>
        </div>
      </div>
    </section>
  );
}
