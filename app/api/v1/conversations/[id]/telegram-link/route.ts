import { conversationParams } from '@/lib/contracts/params';
import { json, preflight, route } from '@/lib/http/route';
import { telegramChatLink } from '@/lib/telegram/chat-link';

export const dynamic = 'force-dynamic';

/** "Continue in Telegram": a one-time link that attaches the bot's private chat. */
export const POST = route(
  { auth: 'customer', params: conversationParams, cors: true },
  async ({ params }) => json(await telegramChatLink(params.id), 201),
);

export const OPTIONS = preflight;
