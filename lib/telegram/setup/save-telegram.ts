// Setup step 6: the bot, group and mode are saved in the settings and take effect at once —
// here through this process's Telegram manager, elsewhere through the settings NOTIFY.
// A token left out keeps the saved one; webhook mode gets a generated secret.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../actor';
import { writeAudit } from '../../audit/write-audit';
import { telegramSettingsSchema } from '../../contracts/settings';
import type { TelegramSave, TelegramStateDto } from '../../contracts/telegram';
import type { Queryable } from '../../db/client';
import { settings } from '../../db/schema';
import { AppError, conflict } from '../../errors';
import { writeSettingsTransaction } from '../../settings/cache';
import { getSettings } from '../../settings/settings';
import { announceSettingsChange } from '../../settings/update-settings';
import { environmentTelegramConfig } from '../config';
import { reloadTelegram } from '../manager';
import { getTelegramState, webhookTarget } from './get-telegram-state';

export function refuseWhenEnvironmentManaged(): void {
  if (environmentTelegramConfig()) {
    throw conflict(
      'Telegram is set by TELEGRAM_BOT_TOKEN in the environment, which wins; change it there or remove it to manage Telegram here',
    );
  }
}

/** Merges `changes` over the stored `telegram` settings, validated whole. */
export async function storeTelegramSettings(
  tx: Queryable,
  changes: Record<string, unknown>,
): Promise<void> {
  const merged = telegramSettingsSchema.parse({
    ...(await getSettings(tx, 'telegram')),
    ...changes,
  });
  await tx
    .insert(settings)
    .values({ key: 'telegram', value: merged })
    .onConflictDoUpdate({ target: settings.key, set: { value: merged, updatedAt: new Date() } });
  await announceSettingsChange(tx, 'telegram');
}

export async function saveTelegram(input: TelegramSave, actor: Actor): Promise<TelegramStateDto> {
  refuseWhenEnvironmentManaged();
  if (input.mode === 'webhook' && !webhookTarget().allowed) {
    throw new AppError('invalid_request', `mode: ${webhookTarget().reason}`);
  }
  await writeSettingsTransaction(async (tx) => {
    const stored = await getSettings(tx, 'telegram');
    const botToken = input.botToken ?? stored.botToken;
    if (!botToken) throw new AppError('invalid_request', 'botToken: paste the bot token first');
    const webhookSecret =
      input.mode === 'webhook'
        ? (stored.webhookSecret ?? randomBytes(32).toString('base64url'))
        : stored.webhookSecret;
    await storeTelegramSettings(tx, {
      botToken,
      supportChatId: input.supportChatId,
      mode: input.mode,
      webhookSecret,
      ...(input.silent === undefined ? {} : { silent: input.silent }),
    });
    await writeAudit(tx, actor, 'telegram.connected', null, {
      botTokenLast4: botToken.slice(-4),
      tokenChanged: botToken !== stored.botToken,
      supportChatId: input.supportChatId,
      mode: input.mode,
    });
  });
  await reloadTelegram();
  return getTelegramState();
}
