// How the Telegram outbox paces itself. Telegram allows about 20 messages a minute per
// group (topic creation included); tests shrink the numbers to run in seconds.
import { z } from 'zod';

export const telegramSettingsSchema = z.object({
  /** Calls per minute into one group: sends are spaced 60 000 / this many ms apart. */
  messagesPerMinute: z.number().min(1).max(1_000_000).default(20),
  /** A customer message waits this long for the next ones, so a burst becomes one post. */
  coalesceWindowMs: z.number().int().min(0).max(60_000).default(1500),
});

export type TelegramSettings = z.output<typeof telegramSettingsSchema>;
