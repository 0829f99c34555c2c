// Which files the inbox refuses before uploading them, and how it says why.
import { describe, expect, it } from 'vitest';
import { refusal } from './files';

const MB = 1024 * 1024;
const limits = { maxBytes: 10 * MB, maxFiles: 3 };

describe('refusal', () => {
  it('lets a file within the limits through', () => {
    expect(refusal({ name: 'a.pdf', size: 10 * MB }, limits, 0)).toBeNull();
  });

  it('explains the size limit with both sizes', () => {
    expect(refusal({ name: 'video.mov', size: 14.5 * MB }, limits, 0)).toBe(
      'video.mov (14.5 MB) is over the 10 MB limit for files.',
    );
  });

  it('refuses empty files and one file too many', () => {
    expect(refusal({ name: 'empty.txt', size: 0 }, limits, 0)).toBe('empty.txt is empty.');
    expect(refusal({ name: 'd.png', size: 10 }, limits, 3)).toBe(
      'd.png was not added: a message can carry at most 3 files.',
    );
  });
});
