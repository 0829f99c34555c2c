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

  it('logs errors without SQL parameters and bot tokens', () => {
    const { lines, logger } = capture();
    const telegram = new Error(
      'request to https://api.telegram.org/bot123456:AAEsecret-token_x/sendMessage failed',
    );
    const query = Object.assign(
      new Error('Failed query: select * from agents where email = $1\nparams: ann@example.com'),
      {
        query: 'select * from agents where email = $1',
        parameters: ['ann@example.com'],
      },
    );
    logger.error({ err: telegram }, 'telegram call failed');
    logger.error({ err: query, query: 'select 1', params: ['secret-param'] }, 'query failed');
    const text = lines.join('');
    expect(text).not.toContain('AAEsecret-token_x');
    expect(text).toContain('bot[redacted]');
    expect(text).not.toContain('ann@example.com');
    expect(text).not.toContain('secret-param');
    expect(text).not.toMatch(/select \*/);
  });
});
