// Channel: mirrors conversations into their Telegram topics by adding outbox rows, which
// commit with the acknowledgement; the Telegram sender delivers them at Telegram's pace.
// On while Telegram is configured (it may be turned on and off at run time).
import { mirrorWrites } from '../../telegram/mirror-event';
import { defineChannel } from '../channel';
import { isTelegramActive } from '../subscribers';

export const telegram = defineChannel({
  name: 'telegram',
  enabled: isTelegramActive,
  writes: (event) => mirrorWrites(event),
});
