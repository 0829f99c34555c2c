// The boot-time check of the Telegram setup: the token works, the support chat is a forum
// supergroup, and the bot may manage its topics. Each problem says what to fix.
import type { UserFromGetMe } from 'telegraf/types';
import { classifyFailure, type Telegram } from './api';

export interface SetupCheck {
  ok: boolean;
  /** 'ok', or what is wrong: shown in /readyz and logged with the fix. */
  state: string;
  fix?: string;
  me?: UserFromGetMe;
}

const explain = (error: unknown) => {
  const failure = classifyFailure(error);
  return 'description' in failure ? failure.description : failure.kind;
};

export async function checkTelegramSetup(telegram: Telegram, chatId: number): Promise<SetupCheck> {
  let me: UserFromGetMe;
  try {
    me = await telegram.getMe();
  } catch (error) {
    return {
      ok: false,
      state: `bot unavailable: ${explain(error)}`,
      fix: 'Check TELEGRAM_BOT_TOKEN (from @BotFather) and that TELEGRAM_API_ROOT is reachable.',
    };
  }
  let chat: Awaited<ReturnType<Telegram['getChat']>>;
  try {
    chat = await telegram.getChat(chatId);
  } catch (error) {
    return {
      ok: false,
      me,
      state: `support chat ${chatId} not reachable: ${explain(error)}`,
      fix: `Add @${me.username} to the support group and set TELEGRAM_SUPPORT_CHAT_ID to its id (it starts with -100).`,
    };
  }
  if (chat.type !== 'supergroup' || !('is_forum' in chat) || !chat.is_forum) {
    return {
      ok: false,
      me,
      state: `support chat ${chatId} is not a forum supergroup`,
      fix: 'Turn on Topics in the group settings (this makes it a forum supergroup).',
    };
  }
  try {
    const member = await telegram.getChatMember(chatId, me.id);
    const canManage =
      member.status === 'creator' ||
      (member.status === 'administrator' && member.can_manage_topics === true);
    if (!canManage) {
      return {
        ok: false,
        me,
        state: `bot may not manage topics in chat ${chatId}`,
        fix: `Make @${me.username} an administrator of the group with the "Manage topics" right.`,
      };
    }
  } catch (error) {
    return { ok: false, me, state: `cannot read the bot's rights: ${explain(error)}` };
  }
  return { ok: true, state: 'ok', me };
}
