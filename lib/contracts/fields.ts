// The building blocks of every request schema: what any string a client sends may contain,
// how long it may be, and which integers fit the database. Every schema in lib/contracts is
// made of these, and every edge cleans its raw input with `sanitizeInput` before parsing,
// so a field added later is cleaned even if its author forgot (lib/contracts/fields.test.ts
// also walks every request schema and fails on an unbounded string or integer).
import { z } from 'zod';

/** PostgreSQL's `integer`: a `seq`, a cursor, a count or a limit must fit it. */
export const PG_INT_MAX = 2_147_483_647;
export const PG_INT_MIN = -2_147_483_648;

// C0 controls except tab (09), newline (0a) and carriage return (0d, turned into a newline
// by the text rules), DEL and C1 controls. NUL in particular: PostgreSQL refuses it in text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// A high surrogate not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates become U+FFFD (PostgreSQL cannot store them), control characters go. */
export function cleanString(raw: string): string {
  return raw.replace(LONE_SURROGATE, '\ufffd').replace(CONTROL_CHARACTERS, '');
}

const MAX_DEPTH = 32;

/**
 * Cleans every string in a parsed body, query or socket payload, object keys included,
 * before any schema sees it. Deeper nesting than any contract uses is cut off (it would
 * fail validation anyway), so a hostile payload cannot make this recurse without end.
 */
export function sanitizeInput(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => sanitizeInput(item, depth + 1));
  const clean: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    clean[cleanString(key)] = sanitizeInput(item, depth + 1);
  }
  return clean;
}

/** Text on one line: cleaned, whitespace runs collapsed, trimmed. */
export function oneLine(raw: string): string {
  return cleanString(raw).replace(/\s+/g, ' ').trim();
}

/**
 * A string of at most `max` characters, cleaned (control characters, lone surrogates) and
 * trimmed. Further checks (`.min`, `.regex`) chain on as on any zod string.
 */
export const boundedString = (max: number, what = 'Value') =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters`)
    .overwrite((raw) => cleanString(raw).trim());

/** A one-line string of at most `max` characters (names, titles, labels). */
export const lineString = (max: number, what = 'Value') =>
  z.string().max(max, `${what} must be at most ${max} characters`).overwrite(oneLine);

/** An integer that fits PostgreSQL's `integer`, within `[min, max]`. */
export const pgInt = (min = PG_INT_MIN, max = PG_INT_MAX) => {
  const top = Math.min(max, PG_INT_MAX);
  // Each check words its own failure: a schema-wide message would hide the bound.
  return z
    .number('Expected a number')
    .int('Expected a whole number')
    .min(min, `Expected at least ${min}`)
    .max(top, `Expected at most ${top}`);
};

/**
 * The same from a query string (`?after=12`): digits only, so `1e3` or ` 5` are refused. A
 * number is taken as it is (for callers that build the query themselves).
 */
export const queryInt = (min = 0, max = PG_INT_MAX) =>
  z
    .union(
      [
        z.number().min(PG_INT_MIN).max(PG_INT_MAX),
        z
          .string()
          .max(11)
          .regex(/^-?\d+$/),
      ],
      { error: 'Expected a whole number' },
    )
    .transform(Number)
    .pipe(pgInt(min, max));

/** Ids of rows: uuids, as every table but the log tables uses. */
export const uuidSchema = z.uuid('Expected a uuid');

/**
 * Numbers wider than PostgreSQL's `integer` on purpose (Telegram's chat and user ids are
 * `bigint`): the schema walk in fields.test.ts accepts those registered here.
 */
export const wideNumbers = z.registry<{ reason: string }>();

/** A Telegram id (chat, user, message thread): a whole number, stored as `bigint`. */
export const telegramIdSchema = z
  .number('Expected a number')
  .int('Expected a whole number')
  .min(-1e15)
  .max(1e15)
  .register(wideNumbers, { reason: 'Telegram ids are bigint' });
