// The check of a Telegram setup: the token works, the support chat is a forum supergroup,
// and the bot may manage its topics. Each problem says what to fix. The running bot uses it
// at start (the first problem goes to /readyz); the console's setup shows every step.
import type { UserFromGetMe } from 'telegraf/types';
import { classifyFailure, type Telegram } from './api';

export type SetupStepId = 'token' | 'group' | 'forum' | 'admin';

export interface SetupStep {
  id: SetupStepId;
  ok: boolean;
  /** What was checked, and when it failed, what is wrong. */
  label: string;
  problem?: string;
  fix?: string;
}

export interface GroupCheck {
  ok: boolean;
  me?: UserFromGetMe;
  chat?: { id: number; title: string; type: string; isForum: boolean };
  /** In order; a step whose precondition failed is left out. */
  steps: SetupStep[];
}

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

export async function checkTelegramGroup(telegram: Telegram, chatId: number): Promise<GroupCheck> {
  const steps: SetupStep[] = [];
  const done = (extra: Partial<GroupCheck> = {}): GroupCheck => ({
    ok: steps.every((step) => step.ok),
    steps,
    ...extra,
  });
  let me: UserFromGetMe;
  try {
    me = await telegram.getMe();
    steps.push({ id: 'token', ok: true, label: `The token belongs to @${me.username}` });
  } catch (error) {
    steps.push({
      id: 'token',
      ok: false,
      label: 'The bot token',
      problem: `bot unavailable: ${explain(error)}`,
      fix: 'Check the bot token (from @BotFather) and that the Bot API is reachable.',
    });
    return done();
  }
  let chat: Awaited<ReturnType<Telegram['getChat']>>;
  try {
    chat = await telegram.getChat(chatId);
  } catch (error) {
    steps.push({
      id: 'group',
      ok: false,
      label: 'The bot is in the group',
      problem: `support chat ${chatId} not reachable: ${explain(error)}`,
      fix: `Add @${me.username} to the support group, then choose the group again (its id starts with -100).`,
    });
    return done({ me });
  }
  const title = 'title' in chat ? chat.title : String(chatId);
  const isForum = chat.type === 'supergroup' && 'is_forum' in chat && chat.is_forum === true;
  steps.push({ id: 'group', ok: true, label: `@${me.username} is in “${title}”` });
  steps.push(
    isForum
      ? { id: 'forum', ok: true, label: 'Topics are enabled' }
      : {
          id: 'forum',
          ok: false,
          label: 'Topics are enabled',
          problem: `support chat ${chatId} is not a forum supergroup`,
          fix: 'Turn on Topics in the group settings (in Telegram: the group → Edit → Topics). This makes it a forum supergroup; a basic group gets a new id, so detect it again.',
        },
  );
  const chatView = { id: chatId, title, type: chat.type, isForum };
  try {
    const member = await telegram.getChatMember(chatId, me.id);
    const canManage =
      member.status === 'creator' ||
      (member.status === 'administrator' && member.can_manage_topics === true);
    steps.push(
      canManage
        ? {
            id: 'admin',
            ok: true,
            label: `@${me.username} is an administrator who may manage topics`,
          }
        : {
            id: 'admin',
            ok: false,
            label: `@${me.username} is an administrator who may manage topics`,
            problem: `bot may not manage topics in chat ${chatId}`,
            fix: `In the group's settings → Administrators → add @${me.username} and turn on “Manage topics”.`,
          },
    );
  } catch (error) {
    steps.push({
      id: 'admin',
      ok: false,
      label: `@${me.username} is an administrator who may manage topics`,
      problem: `cannot read the bot's rights: ${explain(error)}`,
      fix: `Make @${me.username} an administrator of the group with the “Manage topics” right.`,
    });
  }
  return done({ me, chat: chatView });
}

/** The first problem of the setup, for /readyz and the logs. */
export async function checkTelegramSetup(telegram: Telegram, chatId: number): Promise<SetupCheck> {
  const result = await checkTelegramGroup(telegram, chatId);
  const failed = result.steps.find((step) => !step.ok);
  if (!failed) return { ok: true, state: 'ok', me: result.me };
  return { ok: false, state: failed.problem!, fix: failed.fix, me: result.me };
}
