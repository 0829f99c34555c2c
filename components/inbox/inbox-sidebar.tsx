'use client';
// The inbox's left column (the whole screen on a phone until a conversation is open): the
// views with their counts, search, the department filter, the list, and the live status.
import type { ReactNode, RefObject } from 'react';
import type { InboxCounts, InboxView } from '@/lib/contracts/agent';
import type { InboxDepartment } from '@/lib/contracts/departments';
import type { Filters } from './cache';
import { ConversationList, type ConversationListHandle } from './conversation-list';

const VIEWS: { id: InboxView; label: string }[] = [
  { id: 'unclaimed', label: 'Unclaimed' },
  { id: 'mine', label: 'Mine' },
  { id: 'open', label: 'All open' },
  { id: 'closed', label: 'Closed' },
  { id: 'blocked', label: 'Blocked' },
];

const CONTROL =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950';

export function InboxSidebar({
  filters,
  onFilters,
  search,
  onSearch,
  counts,
  departments,
  listRef,
  selectedId,
  onOpen,
  className,
  children,
}: {
  filters: Filters;
  onFilters(update: (filters: Filters) => Filters): void;
  search: string;
  onSearch(text: string): void;
  counts: InboxCounts | undefined;
  departments: InboxDepartment[];
  listRef: RefObject<ConversationListHandle | null>;
  selectedId: string | null;
  onOpen(id: string): void;
  className: string;
  /** The footer: live status, presence and the buttons under the list. */
  children: ReactNode;
}) {
  return (
    <aside
      aria-label="Inbox"
      className={`min-h-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div
        role="tablist"
        aria-label="Views"
        className="flex flex-wrap gap-1 border-b border-slate-200 p-2 dark:border-slate-800"
      >
        {VIEWS.map((view) => (
          <button
            key={view.id}
            type="button"
            role="tab"
            aria-selected={filters.view === view.id}
            onClick={() => onFilters((f) => ({ ...f, view: view.id }))}
            className="rounded-md px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-selected:bg-indigo-600 aria-selected:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-selected:bg-indigo-500 dark:aria-selected:text-white"
          >
            {view.label} <span className="tabular-nums opacity-80">{counts?.[view.id] ?? ''}</span>
          </button>
        ))}
      </div>
      <div className="flex flex-col gap-2 border-b border-slate-200 p-2 dark:border-slate-800">
        <input
          type="search"
          aria-label="Search conversations"
          placeholder="Search codename, name or message"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          className={CONTROL}
        />
        <select
          aria-label="Department"
          value={filters.departmentId}
          onChange={(event) => onFilters((f) => ({ ...f, departmentId: event.target.value }))}
          className={CONTROL}
        >
          <option value="">All departments</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.active ? d.name : `${d.name} (inactive)`}
            </option>
          ))}
        </select>
      </div>
      <ConversationList ref={listRef} filters={filters} selectedId={selectedId} onOpen={onOpen} />
      <footer className="border-t border-slate-200 p-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        {children}
      </footer>
    </aside>
  );
}
