// The Conversations screen's filters as the admin API reads them, shared by the list, the
// CSV export link and "Delete all matching", so all three mean the same set.
import type { ListStatusFilter } from '@/lib/contracts/admin';

export interface ConversationFilterState {
  status: ListStatusFilter;
  q: string;
  departmentId: string;
  agentId: string;
  /** `yyyy-mm-dd` from a date input, or ''. */
  from: string;
  to: string;
}

export const EMPTY_FILTERS: ConversationFilterState = {
  status: 'all',
  q: '',
  departmentId: '',
  agentId: '',
  from: '',
  to: '',
};

export const STATUS_OPTIONS: readonly { value: ListStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'unclaimed', label: 'Unclaimed' },
  { value: 'assigned', label: 'Assigned' },
  { value: 'awaiting', label: 'Awaiting customer' },
  { value: 'closed', label: 'Closed' },
  { value: 'blocked', label: 'Blocked' },
];

/** The filter's query parameters, empty ones left out. */
export function filterParams(filters: ConversationFilterState): URLSearchParams {
  const params = new URLSearchParams({ status: filters.status });
  for (const key of ['q', 'departmentId', 'agentId', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The same filter as a bulk-delete body. */
export function filterBody(filters: ConversationFilterState): Record<string, string> {
  return Object.fromEntries(filterParams(filters));
}
