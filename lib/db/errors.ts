// Recognises database errors by SQLSTATE (or the driver's connection codes), whichever
// driver or wrapper raised them, and turns them into the API's error vocabulary. Nothing of
// a database error's text reaches a client or a log: its message and detail carry the SQL
// and the values of the row.
import { AppError } from '../errors';

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** Seconds a client is asked to wait when the database does not answer. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    yield current as Record<string, unknown>;
    current = (current as { cause?: unknown }).cause;
  }
}

export function pgErrorCode(error: unknown): string | undefined {
  for (const current of causes(error)) {
    const { code } = current;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint a violation names, when the driver reports it. */
export function pgConstraint(error: unknown): string | undefined {
  for (const current of causes(error)) {
    const name = current.constraint_name ?? current.constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== UNIQUE_VIOLATION) return false;
  return !constraint || pgConstraint(error) === constraint;
}

// postgres.js and Node's socket codes for a database that cannot be reached or went away.
const CONNECTION_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATE classes and codes that mean "not now" rather than "not this". */
function isTransientSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('53') || // insufficient resources (too many connections, disk full)
    code.startsWith('57P') || // the server is shutting down or starting up
    code === '57014' || // statement timeout (query_canceled)
    code === '55P03' || // lock not available (lock_timeout)
    code === '40001' || // serialization failure
    code === '40P01' // deadlock detected
  );
}

/** The database did not answer in time, went away, or asked to be tried again. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const current of causes(error)) {
    const { code } = current;
    if (typeof code !== 'string') continue;
    if (CONNECTION_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && isTransientSqlState(code)) return true;
  }
  return false;
}

/** Invalid input that slipped past validation, by SQLSTATE class 22 and class 23. */
function isBadInput(code: string): boolean {
  return (
    code.startsWith('22') || // data exception: out of range, bad text representation, NUL…
    code === '23502' || // not_null_violation
    code === '23514' // check_violation
  );
}

export function unavailable(
  message = 'The database is not answering; try again shortly',
): AppError {
  return new AppError('unavailable', message, UNAVAILABLE_RETRY_AFTER_SECONDS);
}

/**
 * The API error a database error stands for, or undefined when it is not one (or one that
 * means a bug, such as a syntax error: the edge answers 500 and logs its SQLSTATE).
 */
export function appErrorFromDatabase(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error)) return unavailable();
  const code = pgErrorCode(error);
  if (!code) return undefined;
  if (code === FOREIGN_KEY_VIOLATION)
    return new AppError('not_found', 'Something it refers to does not exist');
  if (code === UNIQUE_VIOLATION) return new AppError('conflict', 'That already exists');
  if (isBadInput(code))
    return new AppError('invalid_request', 'A value is out of range or malformed');
  return undefined;
}

/**
 * What a log line may say about a database error: its SQLSTATE, constraint, table and
 * column. Never the message, detail or query, which hold SQL text and parameter values.
 */
export function describeDatabaseError(error: unknown): Record<string, string> | undefined {
  const code =
    pgErrorCode(error) ??
    [...causes(error)]
      .map((current) => current.code)
      .find((value): value is string => typeof value === 'string' && CONNECTION_CODES.has(value));
  if (!code) return undefined;
  const described: Record<string, string> = { sqlstate: code };
  for (const current of causes(error)) {
    for (const [field, key] of [
      ['constraint', 'constraint_name'],
      ['table', 'table_name'],
      ['column', 'column_name'],
    ] as const) {
      const value = current[key] ?? current[field];
      if (typeof value === 'string' && !described[field]) described[field] = value;
    }
  }
  return described;
}

export const isForeignKeyViolation = (error: unknown): boolean =>
  pgErrorCode(error) === FOREIGN_KEY_VIOLATION;
