// "Disconnect": forgets the saved bot and group, so Telegram stops at once (pacing stays).
// Topics already in the group stay there; a later setup mirrors new conversations again.
import type { Actor } from '../../actor';
import { writeAudit } from '../../audit/write-audit';
import type { TelegramStateDto } from '../../contracts/telegram';
import { writeSettingsTransaction } from '../../settings/cache';
import { reloadTelegram } from '../manager';
import { getTelegramState } from './get-telegram-state';
import { refuseWhenEnvironmentManaged, storeTelegramSettings } from './save-telegram';

export async function disconnectTelegram(actor: Actor): Promise<TelegramStateDto> {
  refuseWhenEnvironmentManaged();
  await writeSettingsTransaction(async (tx) => {
    await storeTelegramSettings(tx, { botToken: null, supportChatId: null, webhookSecret: null });
    await writeAudit(tx, actor, 'telegram.disconnected', null, {});
  });
  await reloadTelegram();
  return getTelegramState();
}
