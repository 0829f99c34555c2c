// Moving through a conversation's pictures by key, button and swipe.
import { describe, expect, it } from 'vitest';
import type { Attachment } from '@/lib/contracts/dto';
import { imagesOf, stepIndex, swipeStep } from './gallery';

const file = (id: string, type: string): Attachment => ({
  id,
  name: id,
  type,
  size: 1,
  url: `/f/${id}`,
});

describe('imagesOf', () => {
  it('collects the pictures of messages and notes in transcript order, skipping other files', () => {
    const items = [
      { message: { attachments: [file('a', 'image/png'), file('doc', 'application/pdf')] } },
      { message: { text: 'no files' } },
      { note: { attachments: [file('b', 'image/jpeg')] } },
    ];
    expect(imagesOf(items).map((image) => image.id)).toEqual(['a', 'b']);
  });
});

describe('stepIndex', () => {
  it('moves one picture and stops at either end', () => {
    expect(stepIndex(1, 1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
  });
});

describe('swipeStep', () => {
  it('turns back on a swipe to the right, forward on one to the left, not on a tap', () => {
    expect(swipeStep(100, 220)).toBe(-1);
    expect(swipeStep(220, 100)).toBe(1);
    expect(swipeStep(100, 120)).toBe(0);
  });
});
