// How many conversations a filter matches: what the console states before "Delete all matching".
import { count } from 'drizzle-orm';
import type { ConversationFilter } from '../contracts/admin';
import { db } from '../db/client';
import { conversations } from '../db/schema';
import { conversationFilters } from './conversation-filters';

export async function countConversations(filter: ConversationFilter): Promise<number> {
  const database = db();
  const [row] = await database
    .select({ count: count() })
    .from(conversations)
    .where(conversationFilters(database, filter));
  return row?.count ?? 0;
}
