'use client';
// The console's access to `/api/v1/admin/message-templates`: the catalog (stored texts and
// built-in defaults), saving one key + locale, and resetting one to the text it inherits.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TemplateKey } from '@/lib/contracts/admin';
import type { TemplateCatalog, TemplateView } from '@/lib/settings/message-templates';
import { adminFetch } from '../api';

export const templatesKey = ['admin', 'message-templates'] as const;

export type TemplateDraft = Omit<TemplateView, 'isDefault'>;

export function useTemplateCatalog() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => adminFetch<TemplateCatalog>('/message-templates'),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: TemplateDraft) =>
      adminFetch<{ template: TemplateView }>('/message-templates', {
        method: 'POST',
        body: draft,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

export function useResetTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, locale }: { key: TemplateKey; locale: string }) =>
      adminFetch<{ template: TemplateView }>(
        `/message-templates?${new URLSearchParams({ key, locale })}`,
        { method: 'DELETE' },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** What applies to `key` in `locale`: its own text, its language's, the default's, built in. */
export function effectiveTemplate(
  catalog: TemplateCatalog,
  key: TemplateKey,
  locale: string,
): { template: TemplateDraft; stored: boolean; from: string | null } {
  const chain = locale ? [...new Set([locale, locale.split('-')[0]!, ''])] : [''];
  for (const candidate of chain) {
    const found = catalog.templates.find(
      (t) => t.key === key && t.locale === candidate && !t.isDefault,
    );
    if (found) {
      return { template: { ...found, locale }, stored: candidate === locale, from: candidate };
    }
  }
  const builtIn = catalog.defaults.find((t) => t.key === key)!;
  return { template: { ...builtIn, locale }, stored: false, from: null };
}
