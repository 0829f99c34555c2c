'use client';
// The inbox list: newest activity first, a preview line, unread markers, and infinite
// scroll over keyset pages. j/k move focus between items; Enter opens one.
import { useInfiniteQuery } from '@tanstack/react-query';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import type { InboxPage } from '@/lib/contracts/agent';
import { apiFetch } from '../api';
import { Avatar } from '../avatar';
import { type Filters, keys } from './cache';
import { displayName, STATUS_LABELS, shortTime } from './format';

export interface ConversationListHandle {
  /** Moves focus to the next (1) or previous (-1) conversation. */
  move(step: 1 | -1): void;
}

function queryString(filters: Filters, cursor?: string): string {
  const params = new URLSearchParams({ view: filters.view, limit: '50' });
  if (filters.departmentId) params.set('departmentId', filters.departmentId);
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const ConversationList = forwardRef<
  ConversationListHandle,
  { filters: Filters; selectedId: string | null; onOpen(id: string): void }
>(function ConversationList({ filters, selectedId, onOpen }, ref) {
  const query = useInfiniteQuery({
    queryKey: keys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<InboxPage>(`/conversations?${queryString(filters, pageParam)}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const conversations = query.data?.pages.flatMap((page) => page.conversations) ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLLIElement>(null);

  useImperativeHandle(ref, () => ({
    move(step) {
      const buttons = [
        ...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-id]') ?? []),
      ];
      if (buttons.length === 0) return;
      const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const from = current >= 0 ? current : buttons.findIndex((b) => b.dataset.id === selectedId);
      const next = buttons[Math.min(buttons.length - 1, Math.max(0, from + step))] ?? buttons[0]!;
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    },
  }));

  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && query.hasNextPage && !query.isFetchingNextPage) {
        void query.fetchNextPage();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [query]);

  if (query.isLoading)
    return <p className="flex-1 p-4 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (query.isError)
    return (
      <p className="flex-1 p-4 text-sm text-red-700 dark:text-red-300">
        Could not load conversations.
      </p>
    );

  return (
    <ul ref={listRef} aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto">
      {conversations.length === 0 ? (
        <li className="p-4 text-sm text-slate-600 dark:text-slate-400">Nothing here.</li>
      ) : null}
      {conversations.map((conversation) => {
        // A message of files alone has no text to show.
        const preview = conversation.lastMessage
          ? conversation.lastMessage.text || 'Sent files'
          : 'No messages yet';
        const selected = conversation.id === selectedId;
        return (
          <li key={conversation.id}>
            <button
              type="button"
              data-id={conversation.id}
              aria-current={selected ? 'true' : undefined}
              aria-label={`${displayName(conversation)}${conversation.unread ? ', unread' : ''}: ${preview}`}
              onClick={() => onOpen(conversation.id)}
              className="flex w-full flex-col gap-0.5 border-b border-slate-100 px-3 py-2.5 text-left hover:bg-slate-50 focus:bg-indigo-50 focus:outline-none aria-[current=true]:bg-indigo-50 dark:border-slate-800 dark:hover:bg-slate-800 dark:focus:bg-indigo-950 dark:aria-[current=true]:bg-indigo-950"
            >
              <span className="flex items-center gap-2">
                {conversation.unread ? (
                  <span
                    aria-hidden="true"
                    className="h-2 w-2 shrink-0 rounded-full bg-indigo-600 dark:bg-indigo-400"
                  />
                ) : null}
                <span
                  className={`truncate text-sm ${conversation.unread ? 'font-semibold' : 'font-medium'}`}
                >
                  {displayName(conversation)}
                </span>
                <span className="ml-auto shrink-0 text-xs text-slate-600 dark:text-slate-400">
                  {shortTime(conversation.lastActivityAt)}
                </span>
              </span>
              <span className="truncate text-xs text-slate-600 dark:text-slate-400">{preview}</span>
              {conversation.reminderLevel > 0 ? (
                <span className="w-fit rounded bg-amber-100 px-1.5 text-[11px] font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                  {conversation.reminderLevel > 1
                    ? 'Still waiting for a claim'
                    : 'Waiting for a claim'}
                </span>
              ) : null}
              <span className="flex items-center gap-1 text-[11px] text-slate-600 dark:text-slate-400">
                {STATUS_LABELS[conversation.status]}
                {conversation.assignee ? (
                  <>
                    <span aria-hidden="true">·</span>
                    <Avatar
                      name={conversation.assignee.name}
                      url={conversation.assignee.avatarUrl}
                      size="xs"
                    />
                    <span className="truncate">{conversation.assignee.name}</span>
                  </>
                ) : null}
              </span>
            </button>
          </li>
        );
      })}
      <li ref={sentinel} aria-hidden="true" className="h-4" />
      {query.isFetchingNextPage ? (
        <li className="p-2 text-center text-xs text-slate-600 dark:text-slate-400">
          Loading more…
        </li>
      ) : null}
    </ul>
  );
});
