// The Telegram connection: its state, saving a setup (effective at once), disconnecting.
import { telegramSaveSchema } from '@/lib/contracts/telegram';
import { authenticateAdmin } from '@/lib/http/admin-auth';
import { json, readJson, route } from '@/lib/http/route';
import { disconnectTelegram } from '@/lib/telegram/setup/disconnect-telegram';
import { getTelegramState } from '@/lib/telegram/setup/get-telegram-state';
import { saveTelegram } from '@/lib/telegram/setup/save-telegram';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateAdmin(request);
  return json({ telegram: await getTelegramState() });
});

export const POST = route(async (request) => {
  const actor = await authenticateAdmin(request);
  const input = await readJson(request, telegramSaveSchema);
  return json({ telegram: await saveTelegram(input, actor) });
});

export const DELETE = route(async (request) => {
  const actor = await authenticateAdmin(request);
  return json({ telegram: await disconnectTelegram(actor) });
});
