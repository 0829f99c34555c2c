// The one database client of this process: PostgreSQL through postgres.js when
// DATABASE_URL is set, embedded PGlite under DATA_DIR otherwise. Kept on globalThis because
// Next bundles route handlers into a module graph of their own.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { env } from '../env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that runs queries: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** PostgreSQL's pool: its size, and the name its connections carry in pg_stat_activity. */
  pool?: { max: number; applicationName: string };
  /**
   * Calls `onNotify` for every NOTIFY on `channel`; resolves to an unsubscribe function.
   * `onListen` runs each time the LISTEN is in place: at first, and again after its
   * connection dropped and was re-established (notifications sent meanwhile are lost).
   */
  listen(
    channel: string,
    onNotify: () => void,
    onListen?: () => void,
  ): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  dataDir: string;
  /** Connections in the pool (PostgreSQL only). */
  max?: number;
}

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');
const MIGRATION_LOCK = 7_123_001;

/**
 * How long the database may take before a request is told it is unavailable: to open a
 * connection (seconds, postgres.js), to run one statement and to sit idle inside a
 * transaction (milliseconds, PostgreSQL's own settings). Idle connections are closed after
 * a minute, so a pool that lived through an outage is rebuilt with fresh ones.
 */
export const DATABASE_TIMEOUTS = {
  connectSeconds: 3,
  statementMs: 10_000,
  idleInTransactionMs: 30_000,
  idleSeconds: 60,
  keepAliveSeconds: 10,
};

function openPostgres(url: string, size: number): DatabaseHandle {
  // At least two connections: migrate() holds one for its advisory lock.
  const max = Math.max(2, size);
  // The process's own name, so /metrics can tell its connections from other instances'.
  const applicationName = `parley ${process.pid}:${randomUUID().slice(0, 8)}`;
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: DATABASE_TIMEOUTS.connectSeconds,
    idle_timeout: DATABASE_TIMEOUTS.idleSeconds,
    keep_alive: DATABASE_TIMEOUTS.keepAliveSeconds,
    connection: {
      application_name: applicationName,
      statement_timeout: DATABASE_TIMEOUTS.statementMs,
      idle_in_transaction_session_timeout: DATABASE_TIMEOUTS.idleInTransactionMs,
    },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    pool: { max, applicationName },
    async listen(channel, onNotify, onListen) {
      const subscription = await client.listen(channel, onNotify, onListen);
      return () => subscription.unlisten();
    },
    async migrate() {
      // A client of its own without the statement timeout: waiting for another instance's
      // migration, or building an index on a large table, may take longer than a request.
      const migrator = postgres(url, {
        max: 2,
        onnotice: () => {},
        connect_timeout: DATABASE_TIMEOUTS.connectSeconds,
        connection: { application_name: 'parley-migrate' },
      });
      // Several instances may boot at once: one migrates, the others wait for it.
      const lock = await migrator.reserve();
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(migrator), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
        lock.release();
        await migrator.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function openPglite(dataDir: string): DatabaseHandle {
  const dir = path.join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async listen(channel, onNotify, onListen) {
      const unlisten = await client.listen(channel, onNotify);
      // In the same process: the LISTEN never drops.
      onListen?.();
      return () => unlisten();
    },
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  return options.url ? openPostgres(options.url, options.max ?? 20) : openPglite(options.dataDir);
}

const HANDLE = Symbol.for('parley.database');
type Holder = typeof globalThis & { [HANDLE]?: DatabaseHandle };

/** The process-wide handle, opened from the environment on first use. */
export function database(): DatabaseHandle {
  const holder = globalThis as Holder;
  if (!holder[HANDLE]) {
    const { databaseUrl, dataDir } = env();
    holder[HANDLE] = openDatabase({ url: databaseUrl, dataDir });
  }
  return holder[HANDLE];
}

export function db(): Database {
  return database().db;
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as Holder;
  const handle = holder[HANDLE];
  holder[HANDLE] = undefined;
  await handle?.close();
}

/** How many migrations ship with this build and how many the database has applied. */
export async function migrationStatus(
  queryable: Queryable = db(),
): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: unknown[] };
  let applied = 0;
  try {
    const rows = await queryable.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = Number(rowsOf<{ count: number }>(rows)[0]?.count ?? 0);
  } catch {
    applied = 0;
  }
  return { expected: journal.entries.length, applied };
}

/** postgres.js returns rows as the result itself, PGlite under `.rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
