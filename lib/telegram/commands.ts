// The slash commands of the support group. Lifecycle commands work inside a conversation's
// topic; /help, /whoami and /link anywhere in the group. Success shows up by itself (the
// change is mirrored into the topic); only refusals and answers are posted here.

import { type TelegramUser, telegramActor } from '../agents/telegram-agents';
import { linkTelegramAccount } from '../agents/telegram-link';
import { textSchema } from '../contracts/text';
import type { AgentRow } from '../db/schema';
import { AppError } from '../errors';
import { addTelegramNote, isTopicAction, runTopicAction } from './actions';
import { describeError, notify, type Place } from './notices';

export const HELP = [
  'Parley in Telegram: every conversation is a topic; what you write in it goes to the customer.',
  '',
  '/claim — take the conversation (replying claims it too)',
  '/close — close it (the customer gets the closing message)',
  '/reopen — reopen a closed conversation',
  '/block — block the customer; /unblock — lift it',
  '/note <text> — a private note, never shown to the customer',
  '/whoami — who Parley thinks you are',
  '/link <code> — use your inbox account here (the code is on your profile page)',
].join('\n');

export interface CommandInput {
  place: Place;
  agent: AgentRow;
  user: TelegramUser;
  text: string;
  botName?: string;
}

/** `/note@ParleyBot some text` → `{name: 'note', args: 'some text'}`; null if meant for another bot. */
export function parseCommand(text: string, botName?: string) {
  const match = /^\/([a-z_]+)(?:@(\w+))?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!match) return null;
  if (match[2] && botName && match[2].toLowerCase() !== botName.toLowerCase()) return null;
  return { name: match[1]!.toLowerCase(), args: (match[3] ?? '').trim() };
}

function whoami(agent: AgentRow): string {
  const account = agent.email
    ? `linked to the inbox account ${agent.email}`
    : 'not linked to an inbox account (use /link)';
  const state = agent.active ? '' : ' You are disabled in Parley.';
  return `You are ${agent.name} (${agent.role}), ${account}.${state}`;
}

export async function runCommand(input: CommandInput): Promise<void> {
  const { place, agent, user } = input;
  const command = parseCommand(input.text, input.botName);
  if (!command) return;
  const actor = telegramActor(user, agent);
  try {
    switch (command.name) {
      case 'help':
      case 'start':
        return notify(place, HELP);
      case 'whoami':
        return notify(place, whoami(agent));
      case 'link': {
        if (!command.args)
          throw new AppError(
            'invalid_request',
            'Send /link followed by the code from your profile page',
          );
        const linked = await linkTelegramAccount(command.args, user);
        return notify(
          place,
          `🔗 Linked: here you are now ${linked.name} (${linked.email ?? 'no email'}).`,
        );
      }
    }
    if (!agent.active)
      throw new AppError('forbidden', `${agent.name}, you are disabled in Parley. Ask an admin`);
    const conversation = place.conversation;
    if (command.name === 'note' || isTopicAction(command.name)) {
      if (!conversation) {
        throw new AppError('invalid_request', `Use /${command.name} inside a conversation's topic`);
      }
      if (command.name === 'note') {
        const parsed = textSchema.safeParse(command.args);
        if (!parsed.success) throw new AppError('invalid_request', 'Write the note after /note');
        return addTelegramNote(conversation.id, agent, parsed.data, actor);
      }
      if (isTopicAction(command.name)) {
        await runTopicAction(command.name, conversation.id, agent, actor);
        return;
      }
    }
    return notify(place, `Unknown command /${command.name}. /help lists what works here.`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await notify(place, `⚠️ ${describeError(error)}.`);
  }
}
