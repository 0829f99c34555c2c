// Checks a department's own Telegram supergroup the way the main support chat is checked
// at boot: the bot works, the group is a forum, and the bot may manage its topics.
import type { DepartmentTelegramCheck } from '../contracts/departments';
import { db } from '../db/client';
import { processBot, telegramConfig } from '../telegram/api';
import { checkTelegramSetup } from '../telegram/setup-check';
import { telegramEdge } from '../telegram/updates';
import { getDepartmentRow } from './present';

export async function checkDepartmentTelegram(id: string): Promise<DepartmentTelegramCheck> {
  const department = await getDepartmentRow(db(), id);
  const config = telegramConfig();
  const telegram = processBot()?.telegram ?? telegramEdge()?.bot.telegram;
  if (!config || !telegram) {
    return {
      enabled: false,
      ok: false,
      chatId: department.telegramChatId,
      usesMainChat: department.telegramChatId === null,
      state: 'Telegram is off on this server, so the group cannot be checked',
      fix: 'Set up Telegram first (a bot token and the main support group); then check again.',
    };
  }
  const chatId = department.telegramChatId ?? config.supportChatId;
  const usesMainChat = department.telegramChatId === null;
  const result = await checkTelegramSetup(telegram, chatId);
  const username = result.me?.username;
  return {
    enabled: true,
    ok: result.ok,
    chatId,
    usesMainChat,
    // The boot check speaks of "the support chat"; here it is this department's group.
    state: usesMainChat ? result.state : result.state.replace(/^support chat/, 'group'),
    ...(result.fix
      ? {
          fix:
            !usesMainChat && /TELEGRAM_SUPPORT_CHAT_ID/.test(result.fix)
              ? `Add @${username} to the department's group and enter that group's id here (it starts with -100).`
              : result.fix,
        }
      : {}),
    ...(username ? { botUsername: username } : {}),
  };
}
