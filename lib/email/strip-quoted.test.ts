import { describe, expect, it } from 'vitest';
import { REPLY_ABOVE_LINE } from './compose';
import { stripQuotedReply } from './strip-quoted';

describe('stripQuotedReply', () => {
  it('keeps what was written above Gmail’s attribution and the quote', () => {
    const text =
      'Sounds good.\nSee you then.\n\nOn Thu, 3 Dec 2026 at 15:00, Acme <a@acme.test> wrote:\n> Hi!\n';
    expect(stripQuotedReply(text)).toBe('Sounds good.\nSee you then.');
  });

  it('cuts an attribution wrapped over two lines', () => {
    const text =
      'Yes\n\nOn Thu, 3 Dec 2026 at 15:00, Acme support\n<support@acme.test> wrote:\n> Hi';
    expect(stripQuotedReply(text)).toBe('Yes');
  });

  it('cuts Outlook’s header block and separators', () => {
    expect(stripQuotedReply('Thanks\r\n\r\nFrom: Acme\r\nSent: Thursday\r\nTo: me')).toBe('Thanks');
    expect(stripQuotedReply('Thanks\n________________________________\nFrom: Acme')).toBe('Thanks');
    expect(stripQuotedReply('Ok\n-----Original Message-----\nHi')).toBe('Ok');
  });

  it('cuts at Parley’s own marker, the signature delimiter and localized attributions', () => {
    expect(stripQuotedReply(`Great\n${REPLY_ABOVE_LINE}\nYou have a new reply`)).toBe('Great');
    expect(stripQuotedReply('Great\n-- \nKim, sent from my phone')).toBe('Great');
    expect(
      stripQuotedReply('Danke\n\nAm 3. Dez. 2026 um 15:00 schrieb Acme <a@acme.test>:\n> Hi'),
    ).toBe('Danke');
  });

  it('leaves a reply without any quote as it is', () => {
    expect(stripQuotedReply('  Just this.\n\nAnd this.  ')).toBe('Just this.\n\nAnd this.');
  });
});
