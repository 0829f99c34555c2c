// What the Telegram webhook accepts: an Update object. Only its id is checked here; telegraf
// reads the rest, and updates of kinds Parley does not use are ignored.
import { z } from 'zod';

export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
});
