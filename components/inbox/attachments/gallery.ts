// Moving through a conversation's pictures: which pictures there are, and where a key press
// or a swipe leads from the one shown.

import { isImageType } from '@/lib/contracts/attachments';
import type { Attachment } from '@/lib/contracts/dto';
import { attachmentsOf } from './files';

/** A horizontal drag this long (CSS pixels) turns the page. */
const SWIPE_PX = 50;

/** The index one step away, or the same one at either end (the list does not wrap). */
export function stepIndex(index: number, step: -1 | 1, count: number): number {
  return Math.min(count - 1, Math.max(0, index + step));
}

/** Which way a drag from `fromX` to `toX` turns: left-to-right goes back. */
export function swipeStep(fromX: number, toX: number): -1 | 1 | 0 {
  const distance = toX - fromX;
  if (Math.abs(distance) < SWIPE_PX) return 0;
  return distance > 0 ? -1 : 1;
}

/** A transcript item's message or note; anything else is taken as the carrier itself. */
const carrierOf = (item: object): object =>
  'message' in item ? (item.message as object) : 'note' in item ? (item.note as object) : item;

/** Every picture of the given transcript items (or messages and notes), in their order. */
export function imagesOf(items: object[]): Attachment[] {
  return items.flatMap((item) => attachmentsOf(carrierOf(item)).filter((a) => isImageType(a.type)));
}
