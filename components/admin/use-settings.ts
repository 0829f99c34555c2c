'use client';
// The console's access to `GET/POST /api/v1/admin/settings`: one cached copy of every
// setting, and a partial save that refreshes it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AllSettings, SettingsKey } from '@/lib/contracts/settings';
import { adminFetch } from '../api';

export const settingsKey = ['admin', 'settings'] as const;

export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => (await adminFetch<{ settings: AllSettings }>('/settings')).settings,
  });
}

export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (patch: { [K in SettingsKey]?: Partial<AllSettings[K]> }) =>
      (await adminFetch<{ settings: AllSettings }>('/settings', { method: 'POST', body: patch }))
        .settings,
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}
