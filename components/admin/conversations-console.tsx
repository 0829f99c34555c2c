'use client';
// The Conversations screen: filter, page through, export and delete conversations, and block
// their visitors. Every action is a call of the admin API.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { Department } from '@/lib/contracts/agent';
import type { AgentConversation } from '@/lib/contracts/dto';
import { adminFetch, apiFetch, errorMessage } from '../api';
import { Alert, Button } from '../ui';
import { BlockVisitorDialog } from './blocks-dialog';
import { type ConsoleConfirm, ConversationsConfirm } from './conversations-confirm';
import { ConversationsFilters } from './conversations-filters';
import {
  type ConversationFilterState,
  EMPTY_FILTERS,
  filterBody,
  filterParams,
} from './conversations-query';
import { ConversationsTable } from './conversations-table';
import { Card } from './form';

interface Page {
  conversations: AgentConversation[];
  nextCursor: string | null;
}

const NOTHING: ReadonlySet<string> = new Set();

const plural = (n: number) => `${n} conversation${n === 1 ? '' : 's'}`;

/** The filters as typed, and as applied a moment after the typing stops. */
function useAppliedFilters() {
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [applied, setApplied] = useState(EMPTY_FILTERS);
  useEffect(() => {
    const timer = setTimeout(() => setApplied(filters), 300);
    return () => clearTimeout(timer);
  }, [filters]);
  return { filters, setFilters, applied };
}

export function ConversationsConsole() {
  const queryClient = useQueryClient();
  const { filters, setFilters, applied } = useAppliedFilters();
  const params = filterParams(applied).toString();
  // Kept with the filter it was made in: a new filter is a new set, and what was selected in
  // the old one is not silently kept.
  const [selection, setSelection] = useState<{ params: string; ids: ReadonlySet<string> }>({
    params,
    ids: new Set(),
  });
  const selected = selection.params === params ? selection.ids : NOTHING;
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ params, ids });
  const [confirm, setConfirm] = useState<ConsoleConfirm | null>(null);
  const [blocking, setBlocking] = useState<AgentConversation | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const list = useInfiniteQuery({
    queryKey: ['admin', 'conversations', params],
    queryFn: ({ pageParam, signal }) =>
      adminFetch<Page>(
        `/conversations?${params}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const departments = useQuery({
    queryKey: ['admin', 'departments'],
    queryFn: () => apiFetch<{ departments: Department[] }>('/departments'),
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.conversations) ?? [], [list.data]);
  const departmentName = (id: string | null) =>
    departments.data?.departments.find((d) => d.id === id)?.name ?? 'No department';

  const afterDelete = async (deleted: number) => {
    setSelected(new Set());
    setOutcome(`Deleted ${plural(deleted)}.`);
    await queryClient.invalidateQueries({ queryKey: ['admin', 'conversations'] });
  };
  const runDelete = async (body: unknown) => {
    setFailure(null);
    try {
      const { deleted } = await adminFetch<{ deleted: number }>('/conversations/bulk-delete', {
        method: 'POST',
        body,
      });
      await afterDelete(deleted);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const deleteSelected = () => {
    const ids = [...selected];
    setConfirm({
      title: `Delete ${plural(ids.length)}?`,
      description: `The ${plural(ids.length)} you selected will be deleted for good, with their messages, notes and Telegram topics. This cannot be undone.`,
      confirmLabel: `Delete ${plural(ids.length)}`,
      onConfirm: () => void runDelete({ ids }),
    });
  };
  const deleteMatching = async () => {
    setFailure(null);
    try {
      const { count } = await adminFetch<{ count: number }>(`/conversations/count?${params}`);
      if (count === 0) {
        setOutcome('No conversation matches these filters.');
        return;
      }
      setConfirm({
        title: `Delete all ${plural(count)} that match?`,
        description: `Every conversation matching the current filters — ${plural(count)} — will be deleted for good, with their messages, notes and Telegram topics. This cannot be undone.`,
        confirmLabel: `Delete ${plural(count)}`,
        onConfirm: () => void runDelete(filterBody(applied)),
      });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <Card title="Find conversations">
      <ConversationsFilters
        filters={filters}
        onChange={(next: ConversationFilterState) => {
          setOutcome(null);
          setFilters(next);
        }}
      />
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <a
          href={`/api/v1/admin/conversations/export.csv?${params}`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          Export these as CSV
        </a>
        <Button variant="danger" disabled={selected.size === 0} onClick={deleteSelected}>
          Delete selected{selected.size ? ` (${selected.size})` : ''}
        </Button>
        <Button onClick={() => void deleteMatching()} className="text-red-700 dark:text-red-300">
          Delete all matching
        </Button>
        <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {list.isPending ? 'Loading…' : `${rows.length}${list.hasNextPage ? '+' : ''} shown`}
        </span>
      </div>
      {outcome ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {outcome}
        </p>
      ) : null}
      {failure ? <Alert>{failure}</Alert> : null}
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      {!list.isPending && rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-600 dark:text-slate-400">
          No conversation matches these filters.
        </p>
      ) : (
        <ConversationsTable
          conversations={rows}
          selected={selected}
          onToggle={toggle}
          onToggleAll={(checked) =>
            setSelected(checked ? new Set(rows.map((r) => r.id)) : new Set())
          }
          onBlock={setBlocking}
          departmentName={departmentName}
        />
      )}
      {list.hasNextPage ? (
        <div className="flex justify-center">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
      <ConversationsConfirm request={confirm} onClose={() => setConfirm(null)} />
      <BlockVisitorDialog
        conversation={blocking}
        onClose={() => setBlocking(null)}
        onBlocked={(block) =>
          setOutcome(
            `Blocked ${block.visitorId ? `visitor ${block.visitorId}` : ''}${block.visitorId && block.ip ? ' and ' : ''}${block.ip ? `IP ${block.ip}` : ''}.`,
          )
        }
      />
    </Card>
  );
}
