// The process logger. Secrets are redacted wherever they appear in a logged object.
import pino from 'pino';
import { env } from './env';
import { processSingleton } from './singleton';

const REDACT = [
  'token',
  'password',
  'passwordHash',
  'secret',
  'authorization',
  '*.token',
  '*.password',
  '*.passwordHash',
  '*.secret',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'headers["x-telegram-bot-api-secret-token"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    { level, base: { app: 'parley' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination,
  );
}

export function logger(): pino.Logger {
  return processSingleton('logger', () => createLogger(env().logLevel));
}
