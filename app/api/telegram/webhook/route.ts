// Telegram's webhook: the secret header first (constant time), then the update goes to the
// same handler polling and tests use. Both follow the running configuration, so a secret
// saved in the console takes effect without a restart.
import { z } from 'zod';
import { AppError, notFound } from '@/lib/errors';
import { json, readJson, route } from '@/lib/http/route';
import { telegramConfig } from '@/lib/telegram/api';
import { processTelegramUpdate } from '@/lib/telegram/updates';
import { webhookSecretMatches } from '@/lib/telegram/webhook-secret';

export const dynamic = 'force-dynamic';

// Public: the secret header is Telegram's credential, checked here in constant time.
export const POST = route({ auth: 'public' }, async ({ request }) => {
  const config = telegramConfig();
  if (config?.mode !== 'webhook' || !config.webhookSecret) throw notFound('Telegram webhook');
  const secret = request.headers.get('x-telegram-bot-api-secret-token');
  if (!webhookSecretMatches(secret, config.webhookSecret)) {
    throw new AppError('unauthorized', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token');
  }
  // Any JSON is acknowledged: processTelegramUpdate validates it and logs what it ignores.
  const update = await readJson(request, z.unknown());
  const outcome = await processTelegramUpdate(update);
  return json({ ok: true, outcome });
});
