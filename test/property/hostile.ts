// Generators of hostile input for the property suites: the strings, numbers and shapes that
// have broken servers before (NUL bytes, lone surrogates, integers past 2^31, deep nesting,
// wrong types), mixed with ordinary values so that requests also get past validation.
import fc from 'fast-check';
import type { z } from 'zod';
import { ERROR_STATUS } from '@/lib/contracts/errors';

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\u202e\u200b',
  '%00',
  '%',
  '2147483647',
  '2147483648',
  '-2147483649',
  '99999999999999999999',
  '1e400',
  '-1',
  '0',
  '1.5',
  'NaN',
  'null',
  'true',
  '../../etc/passwd',
  "'; drop table agents; --",
  '<script>alert(1)</script>',
  'https://example.com/x?y=z',
  'ann@example.com',
  'Ann',
  'hello there',
  '#4f46e5',
  'en',
  '00000000-0000-0000-0000-000000000000',
  '🙂🙂',
  'Ω≈ç√∫',
];

export const hostileString = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(4001), 'b'.repeat(70_000), 'é'.repeat(300)) },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 40,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    0.5,
  ),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, biased towards the hostile leaves above. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** An object over the keys a schema knows (some left out), each with a hostile value. */
export function bodyFor(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  const shaped =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length })
      : fc.constant({});
  return fc.oneof(
    { weight: 5, arbitrary: plausible(schema) },
    { weight: 4, arbitrary: mutated(schema) },
    { weight: 2, arbitrary: shaped },
    { weight: 1, arbitrary: hostileValue },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', 'not json', '', '[]', 'null', '"\\ud800"'),
    },
    { weight: 1, arbitrary: fc.constant(deeplyNested(200)) },
  );
}

/** A query string over the keys a schema knows, values URL-encoded or raw. */
export function queryFor(schema: z.ZodType | undefined): fc.Arbitrary<string> {
  const keys = [...keysOf(schema), 'unknown'];
  const pair = fc.tuple(
    fc.constantFrom(...keys),
    fc.oneof(
      fc.constantFrom('1', '5', '0', 'open', 'all', 'closed', 'unclaimed', '2026-12-01', 'hello'),
      hostileString.map(safeEncode),
      fc.constantFrom('%00', '%ZZ', '%ud800', '2147483648', '1e3', '-5', ''),
    ),
  );
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

/** URL-encoded; a lone surrogate (which encodeURIComponent refuses) as its raw UTF-8 bytes. */
function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** The keys of an object schema (through optional, pipes and unions), for shaped bodies. */
export function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object);
    case 'optional':
    case 'nullable':
    case 'default':
      return keysOf(def.innerType as z.ZodType);
    case 'pipe':
      return keysOf(def.in as z.ZodType);
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap(keysOf))];
    case 'record':
      return ['widget', 'automation', 'telegram', 'identity', 'preChatFields', 'workingHours'];
    default:
      return [];
  }
}

/**
 * Why a response breaks the contract, or null when it keeps it: no 5xx, and every failure
 * is exactly `{error: {code, message}}` with a code whose status is the response's.
 */
export function contractViolation(status: number, text: string): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `a ${status} without a JSON body: ${text.slice(0, 100)}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } })?.error;
  const keys = Object.keys(body as object);
  if (keys.length !== 1 || !error || typeof error.message !== 'string' || !error.message) {
    return `a ${status} not in the error shape: ${text.slice(0, 200)}`;
  }
  const code = error.code as keyof typeof ERROR_STATUS;
  if (ERROR_STATUS[code] !== status) return `code ${String(code)} with status ${status}`;
  if (/select |insert |update .* set|failed query|sqlstate|\$\d/i.test(error.message)) {
    return `a message that shows SQL: ${error.message}`;
  }
  return null;
}

/**
 * Values a schema accepts, roughly (what the checks allow, uuids where uuids go), so that
 * generated requests also reach the services behind validation and their database rules.
 */
export function plausible(schema: z.ZodType | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return hostileValue;
  const def = schema._zod.def as unknown as Record<string, unknown> & {
    type: string;
    checks?: { _zod: { def: Record<string, unknown> } }[];
  };
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const inner = (child: unknown) => plausible(child as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string': {
      if (def.format === 'uuid') return fc.uuid();
      if (def.format === 'email')
        return fc.constantFrom('ann@example.com', 'prop-agent-1@example.com');
      if (def.format === 'date') return fc.constantFrom('2026-12-01', '2027-01-31');
      if (def.format === 'datetime')
        return fc.constantFrom('2026-12-01T09:30:00Z', '2030-01-01T00:00:00Z');
      const max = checks.find((c) => c.check === 'max_length')?.maximum as number | undefined;
      const min = checks.find((c) => c.check === 'min_length')?.minimum as number | undefined;
      return fc.oneof(
        fc.string({ minLength: min ?? 0, maxLength: Math.min(max ?? 40, 40) }),
        fc.constantFrom('hello', 'Maria', '#4f46e5', 'en', 'claim', 'welcome_message'),
      );
    }
    case 'number': {
      const max = checks.find((c) => c.check === 'less_than')?.value as number | undefined;
      const min = checks.find((c) => c.check === 'greater_than')?.value as number | undefined;
      return fc.integer({ min: Math.max(min ?? 0, -1e9), max: Math.min(max ?? 1000, 2 ** 31 - 1) });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, inner(child)])),
        { requiredKeys: [] },
      );
    }
    case 'array':
      return fc.array(inner(def.element), { maxLength: 3 });
    case 'record':
      return fc.dictionary(fc.constantFrom(...keysOf(schema)), hostileValue, { maxKeys: 2 });
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map(inner));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    default:
      return hostileValue;
  }
}

/** A plausible value with one field swapped for something hostile. */
export function mutated(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const keys = keysOf(schema);
  if (keys.length === 0) return hostileValue;
  return fc
    .tuple(plausible(schema), fc.constantFrom(...keys), hostileValue)
    .map(([value, key, hostile]) =>
      value && typeof value === 'object' ? { ...(value as object), [key]: hostile } : value,
    );
}
