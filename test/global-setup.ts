// Runs once per `vitest run`: prepares a migrated template database that every test file
// copies (CREATE DATABASE … TEMPLATE is much faster than migrating each time).
import type { TestProject } from 'vitest/node';
import { closeDatabase, openDatabase } from '../lib/db/client';
import { ADMIN_URL, createTestDatabase, postgresReachable } from './database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!(await postgresReachable())) {
    console.warn(
      `PostgreSQL does not answer at ${ADMIN_URL}: running the tests on embedded PGlite instead (set TEST_DATABASE_URL to use PostgreSQL).`,
    );
    project.provide('templateDatabase', null);
    return;
  }
  const template = await createTestDatabase('template');
  const handle = openDatabase({ url: template.url, dataDir: template.dataDir, max: 1 });
  await handle.migrate();
  await handle.close();
  await closeDatabase();
  project.provide('templateDatabase', new URL(template.url!).pathname.slice(1));
  return () => template.drop();
}
