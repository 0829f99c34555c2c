// Setup step 1: a pasted token is checked with getMe, which names the bot. Nothing is
// saved or started yet.
import type { TelegramTokenCheck, TokenCheckResult } from '../../contracts/telegram';
import { setupBot, setupProblem } from './setup-bot';

export async function checkBotToken(input: TelegramTokenCheck): Promise<TokenCheckResult> {
  const { telegram } = await setupBot(input.botToken);
  try {
    const me = await telegram.getMe();
    const name = [me.first_name, me.last_name].filter(Boolean).join(' ');
    return { ok: true, bot: { id: me.id, username: me.username, name } };
  } catch (error) {
    return { ok: false, ...setupProblem(error) };
  }
}
