// Readiness: the database answers and every migration of this build is applied. Channels
// such as Telegram report their own state here; their problems only degrade readiness.
import { sql } from 'drizzle-orm';
import { db, migrationStatus } from './db/client';
import { isDatabaseUnavailable, pgErrorCode } from './db/errors';
import { processSingleton } from './singleton';

export interface Readiness {
  status: 'ok' | 'degraded';
  database: string;
  migrations: string;
  telegram: string;
  email: string;
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
    email: { state: 'off', checkedAt: new Date() } as ChannelHealth,
  }));

/** Called by a channel when its state changes: 'off', 'ok' or what is wrong. */
export function reportTelegramState(state: string, fix?: string): void {
  channelStates().telegram = { state, ...(fix ? { fix } : {}), checkedAt: new Date() };
}

export function telegramHealth(): ChannelHealth {
  return channelStates().telegram;
}

/** Called by the email sender: 'off', 'ok' or what is wrong with the SMTP server. */
export function reportEmailState(state: string, fix?: string): void {
  channelStates().email = { state, ...(fix ? { fix } : {}), checkedAt: new Date() };
}

export function emailHealth(): ChannelHealth {
  return channelStates().email;
}

/** How long /readyz waits for the database before it says it is not answering. */
const READINESS_TIMEOUT_MS = 2000;

class NotAnswering extends Error {}

/** A short cause for people, never the driver's text (it may name hosts, users, queries). */
export function describeDatabaseProblem(error: unknown): string {
  if (error instanceof NotAnswering) return 'not answering';
  const code = pgErrorCode(error);
  if (code === '28P01' || code === '28000') return 'authentication failed';
  if (code === '3D000') return 'database does not exist';
  if (code === '57P03') return 'starting up';
  if (code === '53300') return 'too many connections';
  if (isDatabaseUnavailable(error)) return 'unreachable';
  return code ? `error (SQLSTATE ${code})` : 'error';
}

async function withinReadinessTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotAnswering()), READINESS_TIMEOUT_MS);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(): Promise<{ ready: boolean; report: Readiness }> {
  let database = 'ok';
  let migrations = 'ok';
  try {
    await withinReadinessTimeout(db().execute(sql`select 1`));
    const { expected, applied } = await withinReadinessTimeout(migrationStatus());
    if (applied < expected) migrations = `pending: ${applied} of ${expected} applied`;
  } catch (error) {
    database = describeDatabaseProblem(error);
    migrations = 'unknown';
  }
  const telegram = channelStates().telegram.state;
  const email = channelStates().email.state;
  const ready = database === 'ok' && migrations === 'ok';
  const fine = (state: string) => state === 'ok' || state === 'off';
  const healthy = ready && fine(telegram) && fine(email);
  return {
    ready,
    report: { status: healthy ? 'ok' : 'degraded', database, migrations, telegram, email },
  };
}
