import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands';
import { headerCard, MAX_TITLE_LENGTH, parseButton, splitText, topicTitle } from './format';

describe('topic titles', () => {
  const base = {
    customerName: 'Alice',
    codename: 'Blue Lion #84C2',
    status: 'open_unclaimed' as const,
  };

  it('name — codename, with a status mark when closed or blocked', () => {
    expect(topicTitle(base)).toBe('Alice — Blue Lion #84C2');
    expect(topicTitle({ ...base, status: 'closed' })).toBe('✅ Alice — Blue Lion #84C2');
    expect(topicTitle({ ...base, status: 'blocked' })).toBe('⛔ Alice — Blue Lion #84C2');
  });

  it('falls back to Visitor and stays within 128 characters', () => {
    expect(topicTitle({ ...base, customerName: null })).toBe('Visitor — Blue Lion #84C2');
    const long = topicTitle({ ...base, customerName: 'x'.repeat(300), status: 'closed' });
    expect(long.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(long.endsWith(' — Blue Lion #84C2')).toBe(true);
  });
});

describe('splitText', () => {
  it('keeps short texts whole', () => {
    expect(splitText('hello')).toEqual(['hello']);
  });

  it('splits at line breaks, then spaces, within the limit, losing nothing', () => {
    const text = `${'a'.repeat(3000)}\n${'b'.repeat(3000)} ${'c'.repeat(3000)}`;
    const parts = splitText(text);
    expect(parts).toEqual(['a'.repeat(3000), 'b'.repeat(3000), 'c'.repeat(3000)]);
  });

  it('cuts a text without breaks hard, never inside a surrogate pair', () => {
    const text = `${'x'.repeat(4095)}😀${'y'.repeat(10)}`;
    const parts = splitText(text);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(parts[1]!.startsWith('😀')).toBe(true);
  });
});

describe('the header card and its buttons', () => {
  it('shows what agents need to know first', () => {
    const card = headerCard({
      codename: 'Blue Lion #84C2',
      customerName: 'Alice',
      department: 'Sales',
      pageUrl: 'https://shop.example/pricing',
      pageTitle: 'Pricing',
      locale: 'de-CH',
      fields: { email: 'alice@example.com', empty: '' },
    });
    expect(card).toContain('Department: Sales');
    expect(card).toContain('Page: Pricing — https://shop.example/pricing');
    expect(card).toContain('email: alice@example.com');
    expect(card).not.toContain('empty');
    expect(card).toContain('⚠️ Unverified');
    const verified = headerCard({
      codename: 'Blue Lion #84C2',
      customerName: 'Alice',
      department: null,
      pageUrl: null,
      pageTitle: null,
      locale: null,
      fields: {},
      identity: { sub: 'user-42', email: 'alice@example.com', name: 'Alice A.' },
    });
    expect(verified).toContain('✅ Verified: Alice A. · alice@example.com · user user-42');
    expect(verified).not.toContain('Unverified');
  });

  it('reads button data back, refusing anything else', () => {
    const id = '0b6a3c1e-2f4d-4a5b-8c9d-0e1f2a3b4c5d';
    expect(parseButton(`close:${id}`)).toEqual({ action: 'close', conversationId: id });
    expect(parseButton(`delete:${id}`)).toBeNull();
    expect(parseButton('claim:not-a-uuid')).toBeNull();
  });
});

describe('parseCommand', () => {
  it('reads the command, its arguments and the bot it is meant for', () => {
    expect(parseCommand('/note  call back\ntomorrow')).toEqual({
      name: 'note',
      args: 'call back\ntomorrow',
    });
    expect(parseCommand('/Claim@parley_bot', 'parley_bot')).toEqual({ name: 'claim', args: '' });
    expect(parseCommand('/claim@other_bot', 'parley_bot')).toBeNull();
    expect(parseCommand('not a command')).toBeNull();
  });
});
