// Reading what the services recorded, for assertions.
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../lib/db/client';
import { events } from '../lib/db/schema';
import type { EventPayloads } from '../lib/events/types';

/** The payloads of the system messages emitted in a conversation, oldest first. */
export async function emittedSystemMessages(conversationId: string) {
  const rows = await db()
    .select()
    .from(events)
    .where(
      and(eq(events.conversationId, conversationId), eq(events.type, 'system_message.emitted')),
    )
    .orderBy(asc(events.id));
  return rows.map((e) => e.payload as EventPayloads['system_message.emitted']);
}
