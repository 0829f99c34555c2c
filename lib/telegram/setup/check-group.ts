// Setup step 3: the chosen group is checked as the running bot will need it: reachable,
// topics on, the bot an administrator who may manage topics. Every problem comes with its fix.
import type { GroupCheckResult, TelegramGroupRequest } from '../../contracts/telegram';
import { checkTelegramGroup } from '../setup-check';
import { setupBot } from './setup-bot';

export async function checkGroup(input: TelegramGroupRequest): Promise<GroupCheckResult> {
  const { telegram } = await setupBot(input.botToken);
  const result = await checkTelegramGroup(telegram, input.chatId);
  return {
    ok: result.ok,
    chat: result.chat
      ? { id: result.chat.id, title: result.chat.title, isForum: result.chat.isForum }
      : null,
    steps: result.steps,
  };
}
