'use client';
// The live inbox: views with counts, department filter and search on the left, the open
// conversation in the middle, the customer on the right. On narrower screens the customer
// is a sheet, and on a phone the list and the conversation take the screen in turn (the
// browser's back goes from the conversation to the list). Server state through TanStack
// Query; the `/agent` socket keeps it current.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CannedResponse,
  InboxConversation,
  InboxCounts,
  SessionAgent,
} from '@/lib/contracts/agent';
import type { InboxDepartment } from '@/lib/contracts/departments';
import { apiFetch, errorMessage } from '../api';
import { AppNav } from '../app-nav';
import { Button } from '../ui';
import { useViewportHeight } from '../use-viewport-height';
import { notificationsUndecided } from './attention';
import { applyConversations, type Filters, keys } from './cache';
import type { ComposerHandle } from './composer';
import { ConfirmDialog, type ConfirmRequest } from './confirm-dialog';
import type { ConversationListHandle } from './conversation-list';
import {
  type ConversationActionName,
  ConversationPane,
  useConversation,
} from './conversation-pane';
import { CustomerDrawer } from './customer-drawer';
import { CustomerPanel } from './customer-panel';
import { InboxSidebar } from './inbox-sidebar';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useAgentSocket } from './use-agent-socket';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conversation the address names (`/inbox?c=<id>`), if any. */
function conversationInAddress(): string | null {
  const id = new URLSearchParams(window.location.search).get('c');
  return id && UUID.test(id) ? id : null;
}

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
  const [customerOpen, setCustomerOpen] = useState(false);
  const listRef = useRef<ConversationListHandle>(null);
  const composerRef = useRef<ComposerHandle>(null);
  // Whether opening from the list added a history entry, which going back then removes.
  const pushed = useRef(false);
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  useViewportHeight();

  const open = useCallback((id: string) => {
    setSelectedId(id);
    setActionError(null);
    if (selectedRef.current === null) {
      window.history.pushState(null, '', `/inbox?c=${id}`);
      pushed.current = true;
    } else {
      window.history.replaceState(null, '', `/inbox?c=${id}`);
    }
  }, []);
  const backToList = useCallback(() => {
    if (pushed.current) {
      window.history.back();
      return;
    }
    window.history.replaceState(null, '', '/inbox');
    setSelectedId(null);
  }, []);
  useEffect(() => {
    const onPopState = () => {
      pushed.current = false;
      setSelectedId(conversationInAddress());
      setCustomerOpen(false);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
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
  const customer = selected.data ? (
    <CustomerPanel conversation={selected.data} departments={departments.data ?? []} />
  ) : null;
  return (
    <div className="flex h-app flex-col overflow-hidden">
      <AppNav me={me} current="/inbox" />
      <h1 className="sr-only">Inbox</h1>
      <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[18rem_minmax(0,1fr)] lg:grid-cols-[20rem_minmax(0,1fr)_17rem]">
        <InboxSidebar
          filters={filters}
          onFilters={setFilters}
          search={search}
          onSearch={setSearch}
          counts={counts.data}
          departments={departments.data ?? []}
          listRef={listRef}
          selectedId={selectedId}
          onOpen={open}
          className={selectedId ? 'hidden md:flex' : 'flex'}
        >
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
          <div className="mt-2 flex flex-wrap gap-2">
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
        </InboxSidebar>
        <main
          className={`min-h-0 min-w-0 flex-col bg-slate-50 dark:bg-slate-950 ${selectedId ? 'flex' : 'hidden md:flex'}`}
        >
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
              onBack={backToList}
              onShowCustomer={() => setCustomerOpen(true)}
            />
          ) : (
            <p className="p-6 text-sm text-slate-600 dark:text-slate-400">
              Select a conversation. Press ? for keyboard shortcuts.
            </p>
          )}
        </main>
        <aside
          aria-label="Customer details"
          className="hidden min-h-0 overflow-y-auto border-l border-slate-200 bg-white lg:block dark:border-slate-800 dark:bg-slate-900"
        >
          {customer}
        </aside>
      </div>
      <CustomerDrawer open={customerOpen && customer !== null} onOpenChange={setCustomerOpen}>
        {customer}
      </CustomerDrawer>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </div>
  );
}
