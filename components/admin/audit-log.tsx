'use client';
// The audit log screen: filters over GET /api/v1/admin/audit, newest first, "Load more"
// following the keyset cursor, and each entry's details as key: value pairs or raw JSON.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { TeamAgent } from '@/lib/contracts/agent';
import type { AuditActions, AuditEntry, AuditPage } from '@/lib/contracts/audit';
import { adminFetch, apiFetch, errorMessage } from '../api';
import { Alert, Button, Field } from '../ui';
import { Card, Select } from './form';

export interface AuditFilters {
  action?: string;
  actor?: string;
  conversationId?: string;
  from?: string;
  to?: string;
}

const FIXED_ACTORS = [
  { value: 'service', label: 'Service token' },
  { value: 'system', label: 'System' },
  { value: 'customer', label: 'Customer' },
];

function queryString(filters: AuditFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function AuditLog({ initial }: { initial: AuditFilters }) {
  const [filters, setFilters] = useState<AuditFilters>(initial);
  const actions = useQuery({
    queryKey: ['admin', 'audit', 'actions'],
    queryFn: async () => (await adminFetch<AuditActions>('/audit/actions')).actions,
  });
  const team = useQuery({
    queryKey: ['admin', 'audit', 'team'],
    queryFn: async () => (await apiFetch<{ agents: TeamAgent[] }>('/agents')).agents,
  });
  const log = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam }) => adminFetch<AuditPage>(`/audit?${queryString(filters, pageParam)}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const next = {
      action: value('action'),
      actor: value('actor'),
      conversationId: value('conversationId'),
      from: value('from'),
      to: value('to'),
    };
    setFilters(next);
    window.history.replaceState(null, '', `/admin/audit?${queryString(next)}`);
  };

  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const actionOptions = [
    { value: '', label: 'Any action' },
    ...(actions.data ?? (filters.action ? [filters.action] : [])).map((a) => ({
      value: a,
      label: a,
    })),
  ];
  const actorOptions = [
    { value: '', label: 'Anyone' },
    ...FIXED_ACTORS,
    ...(team.data ?? []).map((agent) => ({ value: `agent:${agent.id}`, label: agent.name })),
  ];
  if (filters.actor && !actorOptions.some((o) => o.value === filters.actor)) {
    actorOptions.push({ value: filters.actor, label: filters.actor });
  }

  return (
    <>
      <Card title="Filters">
        <form
          onSubmit={apply}
          // Re-mounted with fresh defaults when the option lists arrive.
          key={`${actions.data?.length ?? 0}-${team.data?.length ?? 0}`}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
        >
          <Select
            label="Action"
            name="action"
            defaultValue={filters.action ?? ''}
            options={actionOptions}
          />
          <Select
            label="Actor"
            name="actor"
            defaultValue={filters.actor ?? ''}
            options={actorOptions}
          />
          <Field
            label="Conversation id"
            name="conversationId"
            defaultValue={filters.conversationId ?? ''}
            placeholder="uuid"
            spellCheck={false}
          />
          <Field label="From" name="from" type="date" defaultValue={filters.from ?? ''} />
          <Field label="To (inclusive)" name="to" type="date" defaultValue={filters.to ?? ''} />
          <div className="flex items-end gap-2">
            <Button type="submit" variant="primary">
              Apply
            </Button>
            <Button
              type="reset"
              onClick={() => {
                setFilters({});
                window.history.replaceState(null, '', '/admin/audit');
              }}
            >
              Clear
            </Button>
          </div>
        </form>
      </Card>

      {log.error ? <Alert>{errorMessage(log.error)}</Alert> : null}

      <section
        aria-label="Audit entries"
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Time
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Actor
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Action
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Conversation
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
        {log.isPending ? (
          <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading…</p>
        ) : entries.length === 0 ? (
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
            No entries match these filters.
          </p>
        ) : null}
      </section>

      {log.hasNextPage ? (
        <div>
          <Button onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </>
  );
}

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function compact(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const pairs = Object.entries(entry.meta);
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap px-3 py-2 text-slate-600 dark:text-slate-400">
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </td>
      <td className="px-3 py-2" title={entry.actor}>
        {entry.actorName}
      </td>
      <td className="px-3 py-2">
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
          {entry.action}
        </code>
      </td>
      <td className="px-3 py-2">
        {entry.conversationId ? (
          <a
            href={`/inbox?c=${entry.conversationId}`}
            className="font-mono text-xs text-indigo-700 underline dark:text-indigo-300"
            title={entry.conversationId}
          >
            {entry.conversationId.slice(0, 8)}
          </a>
        ) : (
          <span className="text-slate-400 dark:text-slate-500">—</span>
        )}
      </td>
      <td className="px-3 py-2">
        {pairs.length === 0 ? (
          <span className="text-slate-400 dark:text-slate-500">—</span>
        ) : (
          <details>
            <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
              {pairs.slice(0, 3).map(([key, value]) => (
                <span key={key} className="mr-3 inline-block max-w-[16rem] truncate align-bottom">
                  <span className="text-slate-500 dark:text-slate-400">{key}:</span>{' '}
                  {compact(value)}
                </span>
              ))}
              {pairs.length > 3 ? (
                <span className="text-slate-500 dark:text-slate-400">+{pairs.length - 3}</span>
              ) : null}
            </summary>
            <pre className="mt-2 max-w-[32rem] overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
              {JSON.stringify(entry.meta, null, 2)}
            </pre>
          </details>
        )}
      </td>
    </tr>
  );
}
