// Subscriber: mirrors conversations into their Telegram topics by adding outbox rows; the
// Telegram sender delivers them at Telegram's pace.
import { mirrorEvent } from '@/lib/telegram/mirror-event';
import type { Subscriber } from '../dispatcher';

export function telegramSubscriber(): Subscriber {
  return { name: 'telegram', handle: mirrorEvent };
}
