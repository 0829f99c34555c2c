// Runs before each test file, in its own process: a private database copied from the
// migrated template (or a fresh migrated PGlite), and a predictable environment.
import { afterAll, inject } from 'vitest';
import { closeDatabase, database } from '../lib/db/client';
import { createTestDatabase } from './database';

const template = inject('templateDatabase');
const testDatabase = await createTestDatabase('file', template ?? undefined);

Object.assign(process.env, {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  DATA_DIR: testDatabase.dataDir,
  AUTH_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
  SERVICE_TOKEN: 'test-service-token-0123456789',
  WIDGET_IDENTITY_SECRET: 'test-identity-secret-0123456789abcdef',
  RATE_LIMIT_CONVERSATIONS_PER_HOUR: process.env.RATE_LIMIT_CONVERSATIONS_PER_HOUR ?? '100000',
  RATE_LIMIT_MESSAGES_PER_MINUTE: process.env.RATE_LIMIT_MESSAGES_PER_MINUTE ?? '100000',
});
if (testDatabase.url) process.env.DATABASE_URL = testDatabase.url;
else delete process.env.DATABASE_URL;

if (testDatabase.kind === 'pglite') await database().migrate();

afterAll(async () => {
  await closeDatabase();
  await testDatabase.drop();
});
