import { describe, expect, it } from 'vitest';
import {
  clientIdSchema,
  customerNameSchema,
  MAX_TEXT_LENGTH,
  normalizeText,
  textSchema,
} from './text';

describe('normalizeText', () => {
  it.each([
    ['CRLF and lone CR to LF', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['keeps newlines and tabs', 'a\n\tb', 'a\n\tb'],
    ['drops C0 controls', 'a\u0000b\u0007c\u001bd', 'abcd'],
    ['drops DEL and C1 controls', 'a\u007fb\u0085c\u009fd', 'abcd'],
    ['trims spaces and newlines around', ' \n hello \t\r\n', 'hello'],
    ['keeps letters of every script and emoji', 'Grüße, 世界 👋', 'Grüße, 世界 👋'],
    ['trims what control characters hid', '\u0000  hi  \u0000', 'hi'],
  ])('%s', (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });
});

describe('textSchema', () => {
  it('hands back the normalised text', () => {
    expect(textSchema.parse('  Hi\r\nthere\u0000 ')).toBe('Hi\nthere');
  });

  it.each(['', '   ', '\r\n\t', '\u0000\u0007\u009f'])('refuses %j as empty', (raw) => {
    const result = textSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'too_small', message: 'Text is empty' });
  });

  it('accepts exactly 4000 characters and refuses 4001', () => {
    expect(MAX_TEXT_LENGTH).toBe(4000);
    expect(textSchema.safeParse('a'.repeat(4000)).success).toBe(true);
    const result = textSchema.safeParse('a'.repeat(4001));
    expect(result.error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 4000 });
  });

  it('measures the text after normalising it', () => {
    expect(textSchema.safeParse(`${'a'.repeat(3998)}\r\nb`).success).toBe(true);
    expect(textSchema.safeParse(`  ${'a'.repeat(4000)}\u0000  `).success).toBe(true);
    expect(textSchema.safeParse(`${'a'.repeat(3999)}\r\nb`).success).toBe(false);
  });

  it.each([42, null, undefined, ['text']])('refuses %j, which is not a string', (raw) => {
    expect(textSchema.safeParse(raw).success).toBe(false);
  });
});

describe('customerNameSchema', () => {
  it('joins lines and runs of spaces into one space', () => {
    expect(customerNameSchema.parse('  Maria\r\n  de la\tCruz ')).toBe('Maria de la Cruz');
  });

  it.each(['Al', 'Maria', 'Jean-Luc Picard', "O'Brien", 'Dr. Who', 'José Ñúñez', 'M'.repeat(32)])(
    'accepts %j',
    (name) => {
      expect(customerNameSchema.safeParse(name).success).toBe(true);
    },
  );

  it.each([
    ['one character', 'M'],
    ['one character once trimmed', ' M \u0000'],
    ['33 characters', 'M'.repeat(33)],
    ['an http link', 'see http://spam.example'],
    ['an https link', 'HTTPS://spam.example'],
    ['a www address', 'www.spam'],
    ['a bare domain', 'Buy at cheap-pills.com'],
    ['a bare domain in capitals', 'SPAM.NET'],
  ])('refuses %s', (_, name) => {
    expect(customerNameSchema.safeParse(name).success).toBe(false);
  });
});

describe('clientIdSchema', () => {
  it.each(['a', 'client-1_2.3:4', 'x'.repeat(64)])('accepts %j', (id) => {
    expect(clientIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', 'two words', 'x'.repeat(65), 'émoji', 'a/b'])('refuses %j', (id) => {
    expect(clientIdSchema.safeParse(id).success).toBe(false);
  });
});
