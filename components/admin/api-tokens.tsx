'use client';
// The API tokens screen: create one (its secret shown once, with a copy button), see when
// each was last used, and revoke one after a confirmation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ApiToken, CreatedApiToken } from '@/lib/contracts/api-tokens';
import { adminFetch, errorMessage } from '../api';
import { ConfirmDialog, type ConfirmRequest } from '../inbox/confirm-dialog';
import { Alert, Button, Field } from '../ui';
import { Card, CopyButton } from './form';

const tokensKey = ['admin', 'api-tokens'] as const;

const formatDate = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';

export function ApiTokens() {
  const client = useQueryClient();
  const [secret, setSecret] = useState<CreatedApiToken | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await adminFetch<{ apiTokens: ApiToken[] }>('/api-tokens')).apiTokens,
  });
  const create = useMutation({
    mutationFn: (name: string) =>
      adminFetch<CreatedApiToken>('/api-tokens', { method: 'POST', body: { name } }),
    onSuccess: (created) => {
      setSecret(created);
      void client.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => adminFetch(`/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    create.mutate(name, { onSuccess: () => form.reset() });
  };
  const failure = create.error ?? revoke.error ?? tokens.error;

  return (
    <>
      <Card
        title="New token"
        description="For scripts and integrations: it can call every admin endpoint except managing tokens."
      >
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <div className="min-w-[14rem] flex-1">
            <Field label="Name" name="name" required maxLength={64} placeholder="CRM sync" />
          </div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create token'}
          </Button>
        </form>
      </Card>

      {secret ? <SecretPanel created={secret} onDone={() => setSecret(null)} /> : null}
      {failure ? <Alert>{errorMessage(failure)}</Alert> : null}

      <Card title="Tokens">
        {tokens.isPending ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
        ) : tokens.data?.length ? (
          <ul aria-label="API tokens" className="divide-y divide-slate-100 dark:divide-slate-800">
            {tokens.data.map((token) => (
              <li
                key={token.id}
                aria-label={token.name}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    {token.name}{' '}
                    <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                      pk_…{token.last4}
                    </span>
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Created {formatDate(token.createdAt)}
                    {token.createdBy ? ` by ${token.createdBy.name}` : ' with the service token'}
                    {' · '}
                    {token.lastUsedAt ? `last used ${formatDate(token.lastUsedAt)}` : 'never used'}
                  </p>
                </div>
                {token.revokedAt ? (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                    Revoked {formatDate(token.revokedAt)}
                  </span>
                ) : (
                  <Button
                    variant="danger"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() =>
                      setConfirm({
                        title: `Revoke “${token.name}”?`,
                        description:
                          'Anything using this token gets 401 from its next request on. This cannot be undone.',
                        confirmLabel: 'Revoke token',
                        danger: true,
                        onConfirm: () => revoke.mutate(token.id),
                      })
                    }
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No API tokens yet.</p>
        )}
      </Card>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}

function SecretPanel({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <section
      aria-label="New token secret"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <h2 className="font-semibold">Copy the token for “{created.apiToken.name}” now</h2>
      <p className="text-sm">
        You won’t see it again: Parley keeps only a hash. Send it as{' '}
        <code className="font-mono">Authorization: Bearer …</code>.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-token-secret" className="sr-only">
          Token secret
        </label>
        <input
          id="new-token-secret"
          readOnly
          value={created.token}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 dark:border-amber-700 dark:bg-slate-950 dark:text-slate-100"
        />
        <CopyButton text={created.token} label="Copy token" />
        <Button onClick={onDone}>Done</Button>
      </div>
    </section>
  );
}
