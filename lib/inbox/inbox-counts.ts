// How many conversations each inbox view holds, and how many need this agent's attention
// (theirs or unclaimed, with something unread): the tab title shows that number.
import { sql } from 'drizzle-orm';
import type { InboxCounts } from '../contracts/agent';
import { type ConversationStatus, VIEW_STATUSES } from '../contracts/conversation-state';
import { db, rowsOf } from '../db/client';

const statusIn = (statuses: readonly ConversationStatus[]) =>
  sql`c.status in (${sql.join(
    statuses.map((status) => sql`${status}`),
    sql`, `,
  )})`;

export async function getInboxCounts(agentId: string, departmentId?: string): Promise<InboxCounts> {
  const department = departmentId ? sql`and c.department_id = ${departmentId}` : sql``;
  const [row] = rowsOf<Record<keyof InboxCounts, number>>(
    await db().execute(sql`
      select
        count(*) filter (where ${statusIn(VIEW_STATUSES.unclaimed)})::int as unclaimed,
        count(*) filter (where ${statusIn(VIEW_STATUSES.mine)}
                           and c.assigned_agent_id = ${agentId})::int as mine,
        count(*) filter (where ${statusIn(VIEW_STATUSES.open)})::int as open,
        count(*) filter (where ${statusIn(VIEW_STATUSES.closed)})::int as closed,
        count(*) filter (where ${statusIn(VIEW_STATUSES.blocked)})::int as blocked,
        count(*) filter (where (${statusIn(VIEW_STATUSES.unclaimed)}
                                or (${statusIn(VIEW_STATUSES.mine)}
                                    and c.assigned_agent_id = ${agentId}))
                           and c.last_seq > coalesce(r.last_read_seq, 0))::int as unread
      from conversations c
      left join agent_reads r on r.conversation_id = c.id and r.agent_id = ${agentId}
      where true ${department}`),
  );
  return {
    unclaimed: Number(row?.unclaimed ?? 0),
    mine: Number(row?.mine ?? 0),
    open: Number(row?.open ?? 0),
    closed: Number(row?.closed ?? 0),
    blocked: Number(row?.blocked ?? 0),
    unread: Number(row?.unread ?? 0),
  };
}
