// Banners sent shortly before the customer's socket joined (the welcome is emitted while the
// conversation is being started): replayed on connect so the widget does not miss them.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Notice } from '../contracts/dto';
import { db } from '../db/client';
import { events } from '../db/schema';

const REPLAY_WINDOW_MS = 5 * 60_000;

export async function getRecentNotices(
  conversationId: string,
  now = new Date(),
): Promise<Notice[]> {
  const rows = await db()
    .select({ payload: events.payload })
    .from(events)
    .where(
      and(
        eq(events.conversationId, conversationId),
        eq(events.type, 'system_message.emitted'),
        sql`(${events.payload}->>'notice')::boolean`,
        gt(events.createdAt, new Date(now.getTime() - REPLAY_WINDOW_MS)),
      ),
    )
    .orderBy(desc(events.id))
    .limit(3);
  return rows
    .reverse()
    .map(({ payload }) => ({ key: String(payload.key), text: String(payload.text) }));
}
