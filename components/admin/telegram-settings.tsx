'use client';
// The Telegram screen: the connection's state card when configured, the guided setup when
// not (or when the admin changes it). The state refreshes, so a fix made in Telegram shows.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TelegramStateDto } from '@/lib/contracts/telegram';
import { adminFetch, errorMessage } from '../api';
import { Alert } from '../ui';
import { TelegramStateCard } from './telegram-state-card';
import { TelegramWizard } from './telegram-wizard';

const stateKey = ['admin', 'telegram'] as const;

export function TelegramSettings() {
  const client = useQueryClient();
  const [changing, setChanging] = useState(false);
  const state = useQuery({
    queryKey: stateKey,
    queryFn: async () => (await adminFetch<{ telegram: TelegramStateDto }>('/telegram')).telegram,
    refetchInterval: 10_000,
  });
  const disconnect = useMutation({
    mutationFn: async () =>
      (await adminFetch<{ telegram: TelegramStateDto }>('/telegram', { method: 'DELETE' }))
        .telegram,
    onSuccess: (telegram) => client.setQueryData(stateKey, telegram),
  });

  if (state.isPending)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (state.error) return <Alert>{errorMessage(state.error)}</Alert>;
  const current = state.data;
  const saved = (telegram: TelegramStateDto) => {
    client.setQueryData(stateKey, telegram);
    setChanging(false);
  };
  return (
    <>
      {current.source !== 'off' ? (
        <TelegramStateCard
          state={current}
          onChange={() => setChanging(true)}
          onDisconnect={() => disconnect.mutate()}
          disconnecting={disconnect.isPending}
        />
      ) : null}
      {disconnect.error ? <Alert>{errorMessage(disconnect.error)}</Alert> : null}
      {current.source === 'off' || (changing && current.source === 'database') ? (
        <TelegramWizard
          // A fresh form for every setup: nothing of an earlier attempt lingers.
          key={current.source}
          state={current}
          onSaved={saved}
          onCancel={changing ? () => setChanging(false) : undefined}
        />
      ) : null}
    </>
  );
}
