'use client';
// The console's access to email: the status (`GET /api/v1/admin/email`), the `email`
// setting as the admin API shows it (secrets masked), saving it, and the test email.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdminSettings, EmailStatus } from '@/lib/contracts/settings';
import { adminFetch } from '../api';
import { settingsKey } from './use-settings';

const statusKey = ['admin', 'email'] as const;

export function useEmailStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: async () => (await adminFetch<{ email: EmailStatus }>('/email')).email,
    refetchInterval: 10_000,
  });
}

export function useEmailSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => (await adminFetch<{ settings: AdminSettings }>('/settings')).settings,
    select: (settings) => settings.email,
  });
}

export type EmailPatch = Record<string, string | number | null>;

export function useSaveEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (patch: EmailPatch) =>
      (
        await adminFetch<{ settings: AdminSettings }>('/settings', {
          method: 'POST',
          body: { email: patch },
        })
      ).settings,
    onSuccess: (settings) => {
      client.setQueryData(settingsKey, settings);
      // The sender restarts with the new server; its state follows shortly.
      setTimeout(() => void client.invalidateQueries({ queryKey: statusKey }), 1500);
    },
  });
}

export function useSendTestEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (to: string) =>
      (await adminFetch<{ sent: { to: string } }>('/email/test', { method: 'POST', body: { to } }))
        .sent,
    onSettled: () => void client.invalidateQueries({ queryKey: statusKey }),
  });
}
