// The WHERE clause of "which conversations" — status, text, department, assignee and creation
// dates — shared by the admin list, the CSV export and bulk delete, so all three agree.
import { and, eq, exists, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { ConversationFilter, ListStatusFilter } from '../contracts/admin';
import { type ConversationStatus, VIEW_STATUSES } from '../contracts/conversation-state';
import type { Queryable } from '../db/client';
import { conversations, messages } from '../db/schema';

const STATUS_FILTERS: Record<ListStatusFilter, readonly ConversationStatus[] | null> = {
  unclaimed: VIEW_STATUSES.unclaimed,
  assigned: ['open_assigned'],
  awaiting: ['awaiting_customer'],
  open: VIEW_STATUSES.open,
  closed: VIEW_STATUSES.closed,
  blocked: VIEW_STATUSES.blocked,
  all: null,
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type FilterInput = Partial<ConversationFilter> & { status: ListStatusFilter };

/** The conditions for `filter`; undefined when it matches every conversation. */
export function conversationFilters(database: Queryable, filter: FilterInput): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const statuses = STATUS_FILTERS[filter.status];
  if (statuses) conditions.push(inArray(conversations.status, [...statuses]));
  if (filter.departmentId) conditions.push(eq(conversations.departmentId, filter.departmentId));
  if (filter.agentId) conditions.push(eq(conversations.assignedAgentId, filter.agentId));
  if (filter.from) conditions.push(gte(conversations.createdAt, filter.from));
  if (filter.to) conditions.push(lt(conversations.createdAt, filter.to));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      or(
        ilike(conversations.codename, pattern),
        ilike(conversations.customerName, pattern),
        exists(
          database
            .select({ one: sql`1` })
            .from(messages)
            .where(
              and(eq(messages.conversationId, conversations.id), ilike(messages.text, pattern)),
            ),
        ),
      ),
    );
  }
  return and(...conditions);
}
