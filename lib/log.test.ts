import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

describe('logger', () => {
  it('redacts tokens, passwords, secrets and auth headers wherever they sit', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        token: 'customer-token-value',
        password: 'hunter2-password',
        agent: { passwordHash: 'scrypt$hash-value', name: 'Ann' },
        webhook: { secret: 'webhook-secret-value' },
        headers: { authorization: 'Bearer service-token-value', cookie: 'session=cookie-value' },
        req: { headers: { authorization: 'Bearer nested-token-value' } },
      },
      'something happened',
    );

    const [line] = lines;
    for (const secret of [
      'customer-token-value',
      'hunter2-password',
      'hash-value',
      'webhook-secret-value',
      'service-token-value',
      'cookie-value',
      'nested-token-value',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line!)).toMatchObject({
      msg: 'something happened',
      agent: { name: 'Ann', passwordHash: '[redacted]' },
      headers: { authorization: '[redacted]' },
    });
  });
});
