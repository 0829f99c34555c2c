// Database errors are recognised by SQLSTATE against the real database, mapped to the API's
// codes, and logged without their SQL text or the values of the row.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAgent } from '@/test/factories';
import { serializeError } from '../log';
import { db } from './client';
import { appErrorFromDatabase, describeDatabaseError, isDatabaseUnavailable } from './errors';
import { agentReads } from './schema';

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse this');
}

describe('database errors', () => {
  it('maps a foreign key violation to not_found and logs only its SQLSTATE and constraint', async () => {
    const agent = await createAgent();
    const missing = randomUUID();
    const error = await failure(() =>
      db()
        .insert(agentReads)
        .values({ agentId: agent.id, conversationId: missing, lastReadSeq: 1 }),
    );
    expect(appErrorFromDatabase(error)).toMatchObject({ code: 'not_found' });
    const logged = JSON.stringify(serializeError(error));
    expect(describeDatabaseError(error)).toMatchObject({ sqlstate: '23503' });
    expect(logged).toContain('23503');
    expect(logged).not.toContain(missing);
    expect(logged).not.toContain(agent.id);
    expect(logged.toLowerCase()).not.toContain('insert');
  });

  it.each([
    ['a NUL byte in text', sql`select ${'a\u0000b'}::text`],
    ['an integer out of range', sql`select ${'3000000000'}::integer`],
    ['a malformed uuid', sql`select ${'not-a-uuid'}::uuid`],
  ])('maps %s to invalid_request', async (_, query) => {
    const error = await failure(() => db().execute(query));
    expect(appErrorFromDatabase(error)).toMatchObject({ code: 'invalid_request' });
    expect(JSON.stringify(serializeError(error))).not.toMatch(/select|3000000000|not-a-uuid/i);
  });

  it('treats connection failures as unavailable, with a Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const wrapped = new Error('Failed query: select 1\nparams: secret', { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(appErrorFromDatabase(wrapped)).toMatchObject({
      code: 'unavailable',
      retryAfterSeconds: expect.any(Number),
    });
    expect(JSON.stringify(serializeError(wrapped))).not.toContain('secret');
    expect(appErrorFromDatabase(new Error('a bug'))).toBeUndefined();
  });
});
