// Every Telegram update enters here, whether the webhook, polling or a test brought it:
// an update already processed (Telegram redelivers after timeouts and restarts) does
// nothing; updates are independent of each other, so their order does not matter.
import { eq, lt, sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { db } from '../db/client';
import { telegramUpdates } from '../db/schema';
import { processSingleton } from '../singleton';
import { type TelegramConfig, telegramConfig } from './api';
import { TelegramEdge } from './bot';
import { recordSeenGroup } from './seen-groups';

const edgeHolder = () =>
  processSingleton('telegram.edge', () => ({
    edge: null as TelegramEdge | null,
    config: null as TelegramConfig | null,
  }));

/** The process's Telegram edge for the running configuration, or null when Telegram is off;
 * a new configuration (another token or group) gets a new edge. */
export function telegramEdge(): TelegramEdge | null {
  const config = telegramConfig();
  const holder = edgeHolder();
  if (!config) return null;
  if (!holder.edge || holder.config !== config) {
    holder.edge = new TelegramEdge(config);
    holder.config = config;
  }
  return holder.edge;
}

const inFlight = () => processSingleton('telegram.updates.in-flight', () => new Set<number>());

export type UpdateOutcome = 'processed' | 'duplicate' | 'off';

export async function processTelegramUpdate(update: Update): Promise<UpdateOutcome> {
  const edge = telegramEdge();
  if (!edge) return 'off';
  const config = telegramConfig();
  if (config) recordSeenGroup(update, config.botToken);
  const busy = inFlight();
  if (busy.has(update.update_id)) return 'duplicate';
  busy.add(update.update_id);
  try {
    const [seen] = await db()
      .select({ id: telegramUpdates.updateId })
      .from(telegramUpdates)
      .where(eq(telegramUpdates.updateId, update.update_id));
    if (seen) return 'duplicate';
    // Recorded once handled: a failure lets Telegram (or the poller) deliver it again.
    await edge.handleUpdate(update);
    await db().insert(telegramUpdates).values({ updateId: update.update_id }).onConflictDoNothing();
    return 'processed';
  } finally {
    busy.delete(update.update_id);
  }
}

/** Telegram redelivers for a day at most; a week of ids is plenty to recognise repeats. */
export async function pruneProcessedUpdates(): Promise<void> {
  await db()
    .delete(telegramUpdates)
    .where(lt(telegramUpdates.processedAt, sql`now() - interval '7 days'`));
}
