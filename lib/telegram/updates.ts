// Every Telegram update enters here, whether the webhook, polling or a test brought it:
// it is validated first (a malformed one is logged once and acknowledged, so Telegram does
// not deliver it forever), an update already processed (Telegram redelivers after timeouts
// and restarts) does nothing, and one that fails for a reason a retry cannot fix is logged
// and recorded as done. Only a database outage is left for Telegram to deliver again.
// Updates are independent of each other, so their order does not matter.
import { eq, lt, sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { sanitizeInput } from '../contracts/fields';
import { telegramUpdateSchema } from '../contracts/telegram';
import { db } from '../db/client';
import { isDatabaseUnavailable } from '../db/errors';
import { telegramUpdates } from '../db/schema';
import { logger } from '../log';
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

export type UpdateOutcome = 'processed' | 'duplicate' | 'off' | 'invalid' | 'failed';

/** The update, checked and cleaned, or undefined (logged) when it is not one Parley can read. */
export function parseTelegramUpdate(raw: unknown): Update | undefined {
  const result = telegramUpdateSchema.safeParse(sanitizeInput(raw));
  if (result.success) return result.data as unknown as Update;
  const issue = result.error.issues[0]!;
  const updateId = (raw as { update_id?: unknown } | null)?.update_id;
  logger().warn(
    {
      updateId: typeof updateId === 'number' ? updateId : undefined,
      path: issue.path.map(String).join('.').slice(0, 100),
      problem: issue.message.slice(0, 200),
    },
    'ignored a Telegram update that is not valid',
  );
  return undefined;
}

export async function processTelegramUpdate(raw: unknown): Promise<UpdateOutcome> {
  const edge = telegramEdge();
  if (!edge) return 'off';
  const update = parseTelegramUpdate(raw);
  if (!update) return 'invalid';
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
    // Recorded once handled: a database outage lets Telegram (or the poller) deliver it
    // again; any other failure would fail again, so it is logged and recorded as done.
    let outcome: UpdateOutcome = 'processed';
    try {
      await edge.handleUpdate(update);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      logger().error({ err: error, updateId: update.update_id }, 'a Telegram update failed');
      outcome = 'failed';
    }
    await db().insert(telegramUpdates).values({ updateId: update.update_id }).onConflictDoNothing();
    return outcome;
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
