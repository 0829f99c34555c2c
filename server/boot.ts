// Boot steps that come before serving: configuration, database, migrations, first admin.
import { ensureAdmin } from '@/lib/agents/ensure-admin';
import { type DatabaseHandle, database } from '@/lib/db/client';
import { type Env, EnvError, env } from '@/lib/env';
import { logger } from '@/lib/log';

/** The validated environment, or one line per problem on stderr and exit code 1. */
export function loadConfigOrExit(): Env {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      for (const problem of error.problems) console.error(`config error: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
}

function describeDatabase(config: Env): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}/pglite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

export async function prepareDatabase(config: Env): Promise<DatabaseHandle> {
  const log = logger();
  const handle = database();
  log.info(`database: ${describeDatabase(config)}`);
  if (!config.databaseUrl)
    log.info('set DATABASE_URL to use PostgreSQL instead of the embedded database');
  const started = Date.now();
  await handle.migrate();
  log.info({ ms: Date.now() - started }, 'migrations applied');
  if (config.admin) {
    const outcome = await ensureAdmin(handle.db, config.admin.email, config.admin.password);
    if (outcome !== 'unchanged') log.info({ email: config.admin.email }, `admin ${outcome}`);
  }
  return handle;
}
