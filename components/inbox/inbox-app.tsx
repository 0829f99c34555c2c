'use client';
// The live inbox: views with counts, department filter and search on the left, the open
// conversation in the middle, the customer on the right. Server state through TanStack
// Query; the `/agent` socket keeps it current.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CannedResponse,
  InboxConversation,
  InboxCounts,
  InboxView,
  SessionAgent,
} from '@/lib/contracts/agent';
import type { InboxDepartment } from '@/lib/contracts/departments';
import { apiFetch, errorMessage } from '../api';
import { AppNav } from '../app-nav';
import { Button } from '../ui';
import { notificationsUndecided } from './attention';
import { applyConversations, type Filters, keys } from './cache';
import type { ComposerHandle } from './composer';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import { ConversationList, type ConversationListHandle } from './conversation-list';
import {
  type ConversationActionName,
  ConversationPane,
  useConversation,
} from './conversation-pane';
import { CustomerPanel } from './customer-panel';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useAgentSocket } from './use-agent-socket';

const VIEWS: { id: InboxView; label: string }[] = [
  { id: 'unclaimed', label: 'Unclaimed' },
  { id: 'mine', label: 'Mine' },
  { id: 'open', label: 'All open' },
  { id: 'closed', label: 'Closed' },
  { id: 'blocked', label: 'Blocked' },
];

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(
    element &&
      (element.tagName === 'INPUT' ||
        element.tagName === 'TEXTAREA' ||
        element.tagName === 'SELECT' ||
        element.isContentEditable),
  );
}

export function InboxApp({
  me,
  initialConversationId,
}: {
  me: SessionAgent;
  initialConversationId: string | null;
}) {
  const client = useQueryClient();
  const [filters, setFilters] = useState<Filters>({ view: 'open', departmentId: '', q: '' });
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialConversationId);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [askNotifications, setAskNotifications] = useState(false);
  const listRef = useRef<ConversationListHandle>(null);
  const composerRef = useRef<ComposerHandle>(null);

  const open = useCallback((id: string) => {
    setSelectedId(id);
    setActionError(null);
    window.history.replaceState(null, '', `/inbox?c=${id}`);
  }, []);
  const live = useAgentSocket(me.id, selectedId, open);

  useEffect(() => setAskNotifications(notificationsUndecided()), []);
  // Search as you type, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q: search.trim() })), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const counts = useQuery({
    queryKey: keys.countsFor(filters.departmentId),
    queryFn: async () =>
      (
        await apiFetch<{ counts: InboxCounts }>(
          `/conversations/counts${filters.departmentId ? `?departmentId=${filters.departmentId}` : ''}`,
        )
      ).counts,
  });
  const departments = useQuery({
    queryKey: keys.departments,
    queryFn: async () =>
      (await apiFetch<{ departments: InboxDepartment[] }>('/departments')).departments,
    staleTime: 5 * 60_000,
  });
  const canned = useQuery({
    queryKey: keys.canned,
    queryFn: async () =>
      (await apiFetch<{ cannedResponses: CannedResponse[] }>('/canned-responses')).cannedResponses,
    staleTime: 5 * 60_000,
  });
  const selected = useConversation(selectedId);

  const unread = counts.data?.unread ?? 0;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Inbox · Parley` : 'Inbox · Parley';
  }, [unread]);

  const action = useMutation({
    mutationFn: ({ id, name }: { id: string; name: ConversationActionName }) =>
      apiFetch<{ conversation: InboxConversation }>(`/conversations/${id}/${name}`, {
        method: 'POST',
      }),
    onSuccess: ({ conversation }) => {
      setActionError(null);
      client.setQueryData(keys.conversation(conversation.id), conversation);
      applyConversations(client, me.id, [conversation]);
      void client.invalidateQueries({ queryKey: keys.counts });
    },
    onError: (error) => setActionError(errorMessage(error)),
  });

  const requestAction = useCallback(
    (name: ConversationActionName) => {
      const conversation = selected.data;
      if (!conversation) return;
      const run = () => action.mutate({ id: conversation.id, name });
      const holder = conversation.assignee;
      if (name === 'claim' && holder && holder.id !== me.id) {
        setConfirm({
          title: 'Take over this conversation?',
          description: `${holder.name} is handling it. They will no longer be able to reply.`,
          confirmLabel: 'Take over',
          onConfirm: run,
        });
      } else if (name === 'close') {
        setConfirm({
          title: 'Close this conversation?',
          description:
            'The customer gets your closing message (set it on your profile) or the default one. They can reopen it by writing again.',
          confirmLabel: 'Close conversation',
          onConfirm: run,
        });
      } else if (name === 'block') {
        setConfirm({
          title: 'Block this customer?',
          description:
            'They will not be able to write in this conversation any more. You can unblock it later.',
          confirmLabel: 'Block',
          danger: true,
          onConfirm: run,
        });
      } else {
        run();
      }
    },
    [selected.data, action, me.id],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      const key = event.key;
      if (key === 'j' || key === 'ArrowDown') listRef.current?.move(1);
      else if (key === 'k' || key === 'ArrowUp') listRef.current?.move(-1);
      else if (key === 'c') requestAction('claim');
      else if (key === 'e') requestAction('close');
      else if (key === '/') composerRef.current?.startCanned();
      else if (key === '?') setShortcutsOpen(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [requestAction]);

  const others = live.presence.filter((p) => p.agentId !== me.id);
  return (
    <div className="flex h-screen flex-col">
      <AppNav me={me} current="/inbox" />
      <div className="grid min-h-0 flex-1 grid-cols-[20rem_1fr_17rem]">
        <aside
          aria-label="Inbox"
          className="flex min-h-0 flex-col border-r border-slate-200 bg-white"
        >
          <div
            role="tablist"
            aria-label="Views"
            className="flex flex-wrap gap-1 border-b border-slate-200 p-2"
          >
            {VIEWS.map((view) => (
              <button
                key={view.id}
                type="button"
                role="tab"
                aria-selected={filters.view === view.id}
                onClick={() => setFilters((f) => ({ ...f, view: view.id }))}
                className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-selected:bg-indigo-600 aria-selected:text-white"
              >
                {view.label}{' '}
                <span className="tabular-nums opacity-80">{counts.data?.[view.id] ?? ''}</span>
              </button>
            ))}
          </div>
          <div className="flex flex-col gap-2 border-b border-slate-200 p-2">
            <input
              type="search"
              aria-label="Search conversations"
              placeholder="Search codename, name or message"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            />
            <select
              aria-label="Department"
              value={filters.departmentId}
              onChange={(event) => setFilters((f) => ({ ...f, departmentId: event.target.value }))}
              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            >
              <option value="">All departments</option>
              {departments.data?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.active ? d.name : `${d.name} (inactive)`}
                </option>
              ))}
            </select>
          </div>
          <ConversationList ref={listRef} filters={filters} selectedId={selectedId} onOpen={open} />
          <footer className="border-t border-slate-200 p-2 text-xs text-slate-600">
            <p>
              <span
                aria-hidden="true"
                className={`mr-1 inline-block h-2 w-2 rounded-full ${live.connected ? 'bg-emerald-500' : 'bg-slate-400'}`}
              />
              {live.connected ? 'Live' : 'Reconnecting…'}
            </p>
            <ul aria-label="Team presence" className="mt-1">
              {others.map((p) => (
                <li key={p.agentId}>
                  {p.name}: {p.status}
                </li>
              ))}
            </ul>
            <div className="mt-2 flex gap-2">
              {askNotifications ? (
                <Button
                  variant="ghost"
                  onClick={() =>
                    void Notification.requestPermission().then(() => setAskNotifications(false))
                  }
                >
                  Enable notifications
                </Button>
              ) : null}
              <Button variant="ghost" onClick={() => setShortcutsOpen(true)}>
                Shortcuts
              </Button>
            </div>
          </footer>
        </aside>
        <main className="min-h-0 bg-slate-50">
          {selectedId ? (
            <ConversationPane
              key={selectedId}
              conversationId={selectedId}
              me={me}
              live={live}
              canned={canned.data ?? []}
              composerRef={composerRef}
              onAction={requestAction}
              actionError={actionError}
            />
          ) : (
            <p className="p-6 text-sm text-slate-500">
              Select a conversation. Press ? for keyboard shortcuts.
            </p>
          )}
        </main>
        <aside className="min-h-0 overflow-y-auto border-l border-slate-200 bg-white">
          {selected.data ? (
            <CustomerPanel conversation={selected.data} departments={departments.data ?? []} />
          ) : null}
        </aside>
      </div>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}
