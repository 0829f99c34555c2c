// Replies: checking the message a new one quotes, and the short excerpt a quote shows.
import { and, eq, inArray } from 'drizzle-orm';
import { listMessageAttachments } from '../attachments/attachment-rows';
import type { QuotedMessage } from '../contracts/dto';
import type { Queryable } from '../db/client';
import { type MessageRow, messages } from '../db/schema';
import { AppError } from '../errors';

/** Long enough to recognise the message, short enough for one line above a bubble. */
export const QUOTE_EXCERPT_LENGTH = 140;

export function excerpt(text: string, limit = QUOTE_EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  let cut = limit - 1;
  const code = flat.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${flat.slice(0, cut).trimEnd()}…`;
}

/** A quote of `row`; `fileNames` stand in for the text of a message of files alone. */
export function presentQuote(row: MessageRow, fileNames: string[] = []): QuotedMessage {
  const base = {
    id: row.id,
    seq: row.seq,
    author: row.author,
    ...(row.agentName ? { agentName: row.agentName } : {}),
  };
  if (row.deletedAt) return { ...base, text: '', deleted: true };
  const text = row.text || fileNames.map((name) => `📎 ${name}`).join(', ');
  return { ...base, text: excerpt(text) };
}

/** The quotes of every row that replies to another message, by the replying row's id. */
export async function loadQuotes(
  q: Queryable,
  rows: MessageRow[],
): Promise<Map<string, QuotedMessage>> {
  const quotes = new Map<string, QuotedMessage>();
  const ids = [...new Set(rows.flatMap((row) => (row.replyToId ? [row.replyToId] : [])))];
  if (ids.length === 0) return quotes;
  const quoted = await q.select().from(messages).where(inArray(messages.id, ids));
  const needNames = quoted.filter((row) => !row.text && !row.deletedAt).map((row) => row.id);
  const files = await listMessageAttachments(q, needNames);
  const byId = new Map(
    quoted.map((row) => [
      row.id,
      presentQuote(
        row,
        (files.get(row.id) ?? []).map((file) => file.name),
      ),
    ]),
  );
  for (const row of rows) {
    const quote = row.replyToId ? byId.get(row.replyToId) : undefined;
    if (quote) quotes.set(row.id, quote);
  }
  return quotes;
}

/** The message a new one may quote: one of the same conversation, not deleted. */
export async function requireQuotable(
  q: Queryable,
  conversationId: string,
  replyToId: string,
): Promise<QuotedMessage> {
  const [row] = await q
    .select()
    .from(messages)
    .where(and(eq(messages.id, replyToId), eq(messages.conversationId, conversationId)));
  if (!row) {
    throw new AppError('invalid_request', 'replyToId: no such message in this conversation');
  }
  if (row.deletedAt) {
    throw new AppError('invalid_request', 'replyToId: that message was deleted');
  }
  const files = row.text ? new Map() : await listMessageAttachments(q, [row.id]);
  return presentQuote(
    row,
    (files.get(row.id) ?? []).map((file: { name: string }) => file.name),
  );
}
