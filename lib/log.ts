// The process logger. Secrets are redacted wherever they appear in a logged object, and an
// error is logged by what it is (a database error by SQLSTATE and constraint), never by the
// SQL text or parameter values a driver puts into its message.
import pino from 'pino';
import { describeDatabaseError } from './db/errors';
import { env } from './env';
import { AppError } from './errors';
import { requestContext } from './request-context';
import { processSingleton } from './singleton';

const SECRET_KEYS = [
  'token',
  'password',
  'passwordHash',
  'secret',
  'authorization',
  'cookie',
  'botToken',
  'webhookSecret',
  'accessToken',
  'identityToken',
  'smtpUrl',
  'inboundSecret',
  'query',
  'parameters',
  'params',
];

const REDACT = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'headers["x-telegram-bot-api-secret-token"]',
  '*.headers["x-telegram-bot-api-secret-token"]',
  'headers["x-parley-inbound-secret"]',
  '*.headers["x-parley-inbound-secret"]',
];

// A bot token in a Bot API address (`/bot123:AAE…/sendMessage`), as fetch errors print it.
const BOT_TOKEN_IN_URL = /bot\d+:[A-Za-z0-9_-]+/g;

const scrub = (text: string) => text.replace(BOT_TOKEN_IN_URL, 'bot[redacted]');

/** The loggable form of any thrown value. */
export function serializeError(error: unknown): Record<string, unknown> {
  const database = describeDatabaseError(error);
  if (database) return { type: 'DatabaseError', ...database };
  if (error instanceof AppError)
    return { type: 'AppError', code: error.code, message: error.message };
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  // A query wrapper (drizzle's "Failed query: <sql> params: …") without a SQLSTATE.
  if (/^Failed query/.test(error.message)) return { type: error.name, message: 'Failed query' };
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: error.name,
    message: scrub(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    stack: error.stack ? scrub(error.stack) : undefined,
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { app: 'parley' },
      mixin: () => requestContext().getStore() ?? {},
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

export function logger(): pino.Logger {
  return processSingleton('logger', () => createLogger(env().logLevel));
}
