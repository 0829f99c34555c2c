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

export interface ChannelHealth {
  /** 'off', 'ok', or what is wrong (a short sentence). */
  state: string;
  /** What an admin can do about it, when something is wrong. */
  fix?: string;
  checkedAt: Date;
}

const channelStates = () =>
  processSingleton('health.channels', () => ({
    telegram: { state: 'off', checkedAt: new Date() } as ChannelHealth,
  }));

/** Called by a channel when its state changes: 'off', 'ok' or what is wrong. */
export function reportTelegramState(state: string, fix?: string): void {
  channelStates().telegram = { state, ...(fix ? { fix } : {}), checkedAt: new Date() };
}

export function telegramHealth(): ChannelHealth {
  return channelStates().telegram;
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
  const telegram = channelStates().telegram.state;
  const ready = database === 'ok' && migrations === 'ok';
  const healthy = ready && (telegram === 'ok' || telegram === 'off');
  return { ready, report: { status: healthy ? 'ok' : 'degraded', database, migrations, telegram } };
}
