// Setup step 2: after the admin added the bot to a group and wrote there (/start), list the
// groups the bot has seen. A token that is not running here is asked with getUpdates
// (without confirming them, so nothing is lost for the bot that starts later); the running
// bot cannot be asked beside its own poller or webhook, so what it received is used.
import type { Update } from 'telegraf/types';
import type { GroupsResult, TelegramGroupsRequest } from '../../contracts/telegram';
import { telegramConfig } from '../api';
import { groupsInUpdates, seenGroups } from '../seen-groups';
import { setupBot, setupProblem } from './setup-bot';

const UPDATES = ['message', 'my_chat_member', 'edited_message', 'callback_query'];

const present = (groups: ReturnType<typeof seenGroups>) =>
  groups.map(({ id, title, type, isForum }) => ({ id, title, type, isForum }));

export async function detectGroups(input: TelegramGroupsRequest): Promise<GroupsResult> {
  const { token, telegram } = await setupBot(input.botToken);
  if (telegramConfig()?.botToken === token) {
    return { ok: true, source: 'running_bot', groups: present(seenGroups(token)) };
  }
  try {
    const updates = await telegram.callApi('getUpdates', {
      timeout: 0,
      limit: 100,
      allowed_updates: UPDATES as never,
    });
    return { ok: true, source: 'updates', groups: present(groupsInUpdates(updates as Update[])) };
  } catch (error) {
    const problem = setupProblem(error);
    if (/webhook is active/i.test(problem.problem)) {
      problem.problem = 'This bot has a webhook set, so its updates cannot be read here';
      problem.fix =
        'The bot is probably in use by another installation. Use a new bot from @BotFather, or enter the group id by hand.';
    }
    return { ok: false, source: 'updates', groups: [], ...problem };
  }
}
