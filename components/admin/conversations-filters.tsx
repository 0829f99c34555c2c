'use client';
// The Conversations screen's filter bar: status, department, assignee, creation dates, text.
import { useQuery } from '@tanstack/react-query';
import type { ListStatusFilter } from '@/lib/contracts/admin';
import type { Department, TeamAgent } from '@/lib/contracts/agent';
import { apiFetch } from '../api';
import { Field } from '../ui';
import { type ConversationFilterState, STATUS_OPTIONS } from './conversations-query';
import { Select } from './form';

export function ConversationsFilters({
  filters,
  onChange,
}: {
  filters: ConversationFilterState;
  onChange: (filters: ConversationFilterState) => void;
}) {
  const departments = useQuery({
    queryKey: ['admin', 'departments'],
    queryFn: () => apiFetch<{ departments: Department[] }>('/departments'),
  });
  const agents = useQuery({
    queryKey: ['admin', 'agents'],
    queryFn: () => apiFetch<{ agents: TeamAgent[] }>('/agents'),
  });
  const set = <K extends keyof ConversationFilterState>(
    key: K,
    value: ConversationFilterState[K],
  ) => onChange({ ...filters, [key]: value });

  return (
    <search
      aria-label="Filter conversations"
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      <Field
        label="Search"
        type="search"
        placeholder="Codename, name or message text"
        value={filters.q}
        onChange={(event) => set('q', event.target.value)}
      />
      <Select
        label="Status"
        value={filters.status}
        onChange={(event) => set('status', event.target.value as ListStatusFilter)}
        options={STATUS_OPTIONS}
      />
      <Select
        label="Department"
        value={filters.departmentId}
        onChange={(event) => set('departmentId', event.target.value)}
        options={[
          { value: '', label: 'Any department' },
          ...(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <Select
        label="Assignee"
        value={filters.agentId}
        onChange={(event) => set('agentId', event.target.value)}
        options={[
          { value: '', label: 'Anyone' },
          ...(agents.data?.agents ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
      />
      <Field
        label="Created from"
        type="date"
        value={filters.from}
        onChange={(event) => set('from', event.target.value)}
      />
      <Field
        label="Created until"
        type="date"
        value={filters.to}
        onChange={(event) => set('to', event.target.value)}
      />
    </search>
  );
}
