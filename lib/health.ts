// Readiness: the database answers and every migration of this build is applied. Channels
// such as Telegram report their own state here; their problems only degrade readiness.
import { sql } from 'drizzle-orm';
import { db, migrationStatus } from './db/client';
import { processSingleton } from './singleton';

export interface Readiness {
  status: 'ok' | 'degraded';
  database: string;
  migrations: string;
  telegram: string;
}

const channelStates = () => processSingleton('health.channels', () => ({ telegram: 'off' }));

/** Called by a channel when its state changes: 'off', 'ok' or what is wrong. */
export function reportTelegramState(state: string): void {
  channelStates().telegram = state;
}

export async function checkReadiness(): Promise<{ ready: boolean; report: Readiness }> {
  let database = 'ok';
  let migrations = 'ok';
  try {
    await db().execute(sql`select 1`);
    const { expected, applied } = await migrationStatus();
    if (applied < expected) migrations = `pending: ${applied} of ${expected} applied`;
  } catch (error) {
    database = `unreachable: ${(error as Error).message}`;
    migrations = 'unknown';
  }
  const { telegram } = channelStates();
  const ready = database === 'ok' && migrations === 'ok';
  const healthy = ready && (telegram === 'ok' || telegram === 'off');
  return { ready, report: { status: healthy ? 'ok' : 'degraded', database, migrations, telegram } };
}
