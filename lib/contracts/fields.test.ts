// The input rules hold for every request schema: strings are cleaned and bounded, integers
// fit PostgreSQL's `integer`. The walk covers every schema exported by lib/contracts, so a
// field added later without a bound fails here.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  cleanString,
  PG_INT_MAX,
  PG_INT_MIN,
  queryInt,
  sanitizeInput,
  wideNumbers,
} from './fields';

describe('cleanString and sanitizeInput', () => {
  it.each([
    ['NUL and other C0 controls go', 'a\u0000b\u0007c', 'abc'],
    ['tab, newline and carriage return stay', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['a lone high surrogate becomes U+FFFD', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate becomes U+FFFD', '\udc00x', '\ufffdx'],
    ['a pair (an emoji) stays', 'hi 👋', 'hi 👋'],
    ['C1 controls and DEL go', 'a\u0085\u007fb', 'ab'],
  ])('%s', (_, raw, expected) => {
    expect(cleanString(raw)).toBe(expected);
  });

  it('cleans keys and values at every depth, leaving other values alone', () => {
    expect(
      sanitizeInput({ 'k\u0000ey': ['v\ud800', { deep: 'x\u0000' }], n: 5, b: true, z: null }),
    ).toEqual({ key: ['v\ufffd', { deep: 'x' }], n: 5, b: true, z: null });
  });

  it('cuts off nesting deeper than any contract', () => {
    let nested: unknown = 'leaf';
    for (let i = 0; i < 100; i++) nested = [nested];
    expect(JSON.stringify(sanitizeInput(nested))).not.toContain('leaf');
  });
});

describe('queryInt', () => {
  it('takes digits within PostgreSQL integer and refuses the rest', () => {
    const schema = queryInt(0);
    expect(schema.parse('2147483647')).toBe(PG_INT_MAX);
    for (const bad of ['2147483648', '1e3', ' 5', '-1', '', '0x10', '99999999999999999999']) {
      expect(schema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

// Schemas of what the server sends, not of what it accepts: only documented, never parsed.
const RESPONSE_MODULES = /responses/;
const RESPONSE_EXPORTS =
  /^(apiToken|createdApiToken|apiTokenList|apiTokenResponse|auditEntry|auditPage|auditActions)Schema$/;
// Formats whose own pattern bounds the length.
const BOUNDED_FORMATS = new Set(['uuid', 'ipv4', 'ipv6', 'date', 'datetime', 'email']);

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
};

function problemsOf(schema: z.ZodType, where: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  const inner = (child: unknown, suffix = '') =>
    child ? problemsOf(child as z.ZodType, where + suffix, seen) : [];
  switch (def.type) {
    case 'string': {
      const bounded =
        BOUNDED_FORMATS.has(String(def.format)) ||
        checks.some((c) => c.check === 'max_length' || c.check === 'length_equals');
      return bounded ? [] : [`${where}: a string without a maximum length`];
    }
    case 'number': {
      if (wideNumbers.has(schema)) return [];
      const max = checks.find((c) => c.check === 'less_than')?.value as number | undefined;
      const min = checks.find((c) => c.check === 'greater_than')?.value as number | undefined;
      const isInt = checks.some((c) => c.check === 'number_format');
      if (max === undefined || min === undefined) return [`${where}: an unbounded number`];
      if (isInt && (max > PG_INT_MAX || min < PG_INT_MIN)) {
        return [`${where}: an integer wider than PostgreSQL integer`];
      }
      return [];
    }
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) =>
        inner(child, `.${key}`),
      );
    case 'array':
      return inner(def.element, '[]');
    case 'record':
      return [...inner(def.keyType, '{key}'), ...inner(def.valueType, '{value}')];
    case 'union':
      return (def.options as unknown[]).flatMap((option, i) => inner(option, `|${i}`));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    default:
      // Booleans, enums, literals, transforms, unknown (validated again by a keyed schema).
      return [];
  }
}

const contractsDir = path.dirname(new URL(import.meta.url).pathname);
const modules = readdirSync(contractsDir).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !RESPONSE_MODULES.test(file),
);

describe('every request schema in lib/contracts', () => {
  it.each(modules)('%s bounds every string and integer', async (file) => {
    const exports = (await import(path.join(contractsDir, file))) as Record<string, unknown>;
    const problems: string[] = [];
    for (const [name, value] of Object.entries(exports)) {
      if (RESPONSE_EXPORTS.test(name)) continue;
      if (!value || typeof value !== 'object' || !('_zod' in value)) continue;
      problems.push(...problemsOf(value as z.ZodType, name));
    }
    expect(problems).toEqual([]);
  });
});
