// The "Continue in Telegram" link for a widget conversation: the running bot's username and a
// one-time code (lib/conversations/continue-in-telegram.ts). Refused (409) while Telegram is
// off: nothing is down, the feature is simply not there to use.
import { createTelegramChatLink } from '../conversations/continue-in-telegram';
import { AppError } from '../errors';
import { telegramEdge } from './updates';

/** The bot's username, asked of Telegram once when the setup check has not told it yet. */
async function botUsername(): Promise<string | null> {
  const edge = telegramEdge();
  if (!edge) return null;
  if (!edge.bot.botInfo) edge.bot.botInfo = await edge.bot.telegram.getMe().catch(() => undefined);
  return edge.bot.botInfo?.username ?? null;
}

export async function telegramChatLink(
  conversationId: string,
): Promise<{ url: string; expiresAt: string }> {
  const username = await botUsername();
  if (!username) throw new AppError('conflict', 'Telegram is not set up here');
  return createTelegramChatLink(conversationId, username);
}
