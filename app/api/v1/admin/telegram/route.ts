// The Telegram connection: its state, saving a setup (effective at once), disconnecting.
import { ADMIN_API } from '@/lib/auth/callers';
import { telegramSaveSchema } from '@/lib/contracts/telegram';
import { json, readJson, route } from '@/lib/http/route';
import { disconnectTelegram } from '@/lib/telegram/setup/disconnect-telegram';
import { getTelegramState } from '@/lib/telegram/setup/get-telegram-state';
import { saveTelegram } from '@/lib/telegram/setup/save-telegram';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: ADMIN_API }, async () =>
  json({ telegram: await getTelegramState() }),
);

// Saving checks the token and the group with Telegram first.
export const POST = route({ auth: ADMIN_API, deadlineMs: false }, async ({ request, caller }) => {
  const input = await readJson(request, telegramSaveSchema);
  return json({ telegram: await saveTelegram(input, caller.actor) });
});

export const DELETE = route({ auth: ADMIN_API, deadlineMs: false }, async ({ caller }) =>
  json({ telegram: await disconnectTelegram(caller.actor) }),
);
