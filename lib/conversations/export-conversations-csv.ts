// The CSV of every conversation matching a filter, streamed: keyset batches are read as the
// client takes the bytes, so 100,000 conversations cost the memory of one batch.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ConversationFilter } from '../contracts/admin';
import { db } from '../db/client';
import { agents, conversations, departments } from '../db/schema';
import { conversationFilters } from './conversation-filters';
import { CSV_BOM, type CsvCell, csvRows } from './export-csv';
import { activityKey } from './list-conversations';

const BATCH = 1000;

export const CONVERSATION_CSV_COLUMNS = [
  'id',
  'codename',
  'status',
  'department',
  'assignee',
  'customer_name',
  'email',
  'fields',
  'created_at',
  'last_activity_at',
  'closed_at',
  'message_count',
] as const;

const assignee = alias(agents, 'assignee');

type Row = Awaited<ReturnType<typeof readBatch>>[number];

function readBatch(where: SQL | undefined, after: { at: string; id: string } | null) {
  const keyset = after
    ? sql`(${conversations.lastActivityAt}, ${conversations.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return db()
    .select({
      key: activityKey,
      id: conversations.id,
      codename: conversations.codename,
      status: conversations.status,
      department: departments.name,
      assignee: assignee.name,
      customerName: conversations.customerName,
      fields: conversations.fields,
      createdAt: conversations.createdAt,
      lastActivityAt: conversations.lastActivityAt,
      closedAt: conversations.closedAt,
      // `seq` is gap-free, so the last one handed out is the number of messages.
      messageCount: conversations.lastSeq,
    })
    .from(conversations)
    .leftJoin(departments, eq(departments.id, conversations.departmentId))
    .leftJoin(assignee, eq(assignee.id, conversations.assignedAgentId))
    .where(and(where, keyset))
    .orderBy(
      sql`${conversations.lastActivityAt} desc nulls last`,
      sql`${conversations.id} desc nulls last`,
    )
    .limit(BATCH);
}

/** `key=value; …` of the pre-chat fields other than the email, which has its own column. */
function fieldsSummary(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([key, value]) => key !== 'email' && value !== null && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('; ');
}

function toCells(row: Row): CsvCell[] {
  const email = row.fields.email;
  return [
    row.id,
    row.codename,
    row.status,
    row.department,
    row.assignee,
    row.customerName,
    typeof email === 'string' ? email : null,
    fieldsSummary(row.fields),
    row.createdAt.toISOString(),
    row.lastActivityAt.toISOString(),
    row.closedAt?.toISOString() ?? null,
    row.messageCount,
  ];
}

/** The export as a byte stream; each pull reads one batch, so a slow client slows the reads. */
export function streamConversationsCsv(filter: ConversationFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const where = conversationFilters(db(), filter);
  let after: { at: string; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvRows([[...CONVERSATION_CSV_COLUMNS]])));
          return;
        }
        const rows = await readBatch(where, after);
        if (rows.length > 0) controller.enqueue(encoder.encode(csvRows(rows.map(toCells))));
        const last = rows.at(-1);
        if (!last || rows.length < BATCH) {
          controller.close();
          return;
        }
        after = { at: last.key, id: last.id };
      },
    },
    // One batch queued ahead at most: the reads keep pace with the client.
    { highWaterMark: 1 },
  );
}
