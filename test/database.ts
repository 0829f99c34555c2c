// Throwaway databases for tests: a fresh PostgreSQL database per run (TEST_DATABASE_URL,
// default the local server), or embedded PGlite in a temporary folder when no PostgreSQL
// answers, so the suite also passes on a machine with nothing installed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  kind: 'postgres' | 'pglite';
  /** Set for PostgreSQL; unset means embedded PGlite under `dataDir`. */
  url?: string;
  dataDir: string;
  drop(): Promise<void>;
}

let reachable: Promise<boolean> | undefined;

export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
    try {
      await sql`select 1`;
      return true;
    } catch {
      return false;
    } finally {
      await sql.end({ timeout: 1 });
    }
  })();
  return reachable;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(async (sql) => {
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
    await sql.unsafe(`drop database if exists "${name}"`);
  });
}

/** An embedded PGlite database in a temporary folder, whatever else is available. */
export function createEmbeddedDatabase(label: string): TestDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), `parley-${label}-`));
  return {
    kind: 'pglite',
    dataDir,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A new, empty database (or a copy of `template`). */
export async function createTestDatabase(label: string, template?: string): Promise<TestDatabase> {
  if (!(await postgresReachable())) return createEmbeddedDatabase(label);
  const dataDir = mkdtempSync(path.join(tmpdir(), `parley-${label}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const name = `parley_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  await admin((sql) =>
    sql.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`),
  );
  return {
    kind: 'postgres',
    url: withDatabase(ADMIN_URL, name),
    dataDir,
    drop: async () => {
      await dropDatabase(name);
      removeDir();
    },
  };
}
