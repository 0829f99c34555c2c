// Reading the audit trail: filtered, newest first, paged by a keyset on the id so that an
// entry written while someone pages is never shown twice nor skipped.
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, AuditPage, ListAuditQuery } from '../contracts/audit';
import { db, type Queryable, rowsOf } from '../db/client';
import { agents, apiTokens, auditLog } from '../db/schema';

/** A day on its own means that whole day (UTC): `to=2026-12-01` ends at the next midnight. */
function instant(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    if (endOfDay) day.setUTCDate(day.getUTCDate() + 1);
    return day;
  }
  return new Date(value);
}

export async function listAudit(query: ListAuditQuery): Promise<AuditPage> {
  const database = db();
  const filters: (SQL | undefined)[] = [
    query.conversationId ? eq(auditLog.conversationId, query.conversationId) : undefined,
    query.actor ? eq(auditLog.actor, query.actor) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.createdAt, instant(query.from, false)) : undefined,
    query.to ? lt(auditLog.createdAt, instant(query.to, true)) : undefined,
    query.cursor ? lt(auditLog.id, Number(query.cursor)) : undefined,
  ];
  const rows = await database
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const names = await actorNames(
    database,
    page.map((row) => row.actor),
  );
  const entries: AuditEntry[] = page.map((row) => ({
    id: String(row.id),
    at: row.createdAt.toISOString(),
    actor: row.actor,
    actorName: names.get(row.actor) ?? row.actor,
    action: row.action,
    conversationId: row.conversationId,
    meta: row.meta,
  }));
  return {
    entries,
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}

const FIXED_NAMES: Record<string, string> = {
  service: 'Service token',
  system: 'System',
  customer: 'Customer',
};

/** Display names for a page's actors: one query for the agents, one for the API tokens. */
async function actorNames(database: Queryable, labels: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const agentIds = new Set<string>();
  const telegramIds = new Set<number>();
  const tokenIds = new Set<string>();
  for (const label of new Set(labels)) {
    const [kind, id] = label.split(':');
    if (FIXED_NAMES[label]) names.set(label, FIXED_NAMES[label]);
    else if (kind === 'agent' && id) agentIds.add(id);
    else if (kind === 'api-token' && id) tokenIds.add(id);
    else if (kind === 'telegram' && id && Number.isSafeInteger(Number(id))) {
      telegramIds.add(Number(id));
      names.set(label, `Telegram user ${id}`);
    }
  }
  const [known, tokens] = await Promise.all([
    agentIds.size || telegramIds.size
      ? database
          .select({ id: agents.id, name: agents.name, telegramUserId: agents.telegramUserId })
          .from(agents)
          .where(
            sql`${agentIds.size ? inArray(agents.id, [...agentIds]) : sql`false`} or ${
              telegramIds.size ? inArray(agents.telegramUserId, [...telegramIds]) : sql`false`
            }`,
          )
      : [],
    tokenIds.size
      ? database
          .select({ id: apiTokens.id, name: apiTokens.name })
          .from(apiTokens)
          .where(inArray(apiTokens.id, [...tokenIds]))
      : [],
  ]);
  for (const agent of known) {
    if (agentIds.has(agent.id)) names.set(`agent:${agent.id}`, agent.name);
    if (agent.telegramUserId !== null && telegramIds.has(agent.telegramUserId)) {
      names.set(`telegram:${agent.telegramUserId}`, `${agent.name} (Telegram)`);
    }
  }
  for (const token of tokens) names.set(`api-token:${token.id}`, `API token “${token.name}”`);
  return names;
}

/**
 * The distinct actions ever written, for the log's filter. A recursive skip scan over
 * `audit_log_action_idx` visits one index entry per action instead of every row.
 */
export async function listAuditActions(): Promise<string[]> {
  const result = await db().execute(sql`
    with recursive actions(action) as (
      (select action from audit_log order by action limit 1)
      union all
      select (select a.action from audit_log a where a.action > actions.action order by a.action limit 1)
      from actions where actions.action is not null
    )
    select action from actions where action is not null`);
  return rowsOf<{ action: string }>(result).map((row) => row.action);
}
