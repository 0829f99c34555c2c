// The console's Telegram card: where the configuration comes from, which bot and group,
// the mode, and how the running bot is doing (the same state /readyz shows).
import type { TelegramStateDto } from '../../contracts/telegram';
import { db } from '../../db/client';
import { env } from '../../env';
import { telegramHealth } from '../../health';
import { getSettings } from '../../settings/settings';
import { secretView } from '../../settings/update-settings';
import { createBot } from '../api';
import { getEffectiveTelegram } from '../config';
import { WEBHOOK_PATH } from '../start';

export function webhookTarget(): TelegramStateDto['webhook'] {
  const { publicUrl, isProduction } = env();
  const url = `${publicUrl}${WEBHOOK_PATH}`;
  if (isProduction && !url.startsWith('https://')) {
    return {
      url,
      allowed: false,
      reason:
        'Telegram delivers webhooks only to https addresses: set PUBLIC_URL to an https URL, or use polling.',
    };
  }
  return { url, allowed: true };
}

async function names(token: string, chatId: number) {
  const { telegram } = createBot({ botToken: token, apiRoot: env().telegram.apiRoot });
  const [me, chat] = await Promise.allSettled([telegram.getMe(), telegram.getChat(chatId)]);
  return {
    bot:
      me.status === 'fulfilled' ? { username: me.value.username, name: me.value.first_name } : null,
    title: chat.status === 'fulfilled' && 'title' in chat.value ? chat.value.title : null,
  };
}

export async function getTelegramState(): Promise<TelegramStateDto> {
  const [stored, { source, config }] = await Promise.all([
    getSettings(db(), 'telegram'),
    getEffectiveTelegram(),
  ]);
  const health = telegramHealth();
  const fromEnv = env().telegram;
  const secrets =
    source === 'env'
      ? { botToken: fromEnv.botToken, webhookSecret: fromEnv.webhookSecret }
      : { botToken: stored.botToken, webhookSecret: stored.webhookSecret };
  const status = !config ? 'off' : health.state === 'ok' ? 'ok' : 'degraded';
  const state = !config ? 'off' : health.state === 'off' ? 'starting' : health.state;
  const looked = config ? await names(config.botToken, config.supportChatId) : null;
  return {
    source,
    bot: looked?.bot ?? null,
    chat: config ? { id: config.supportChatId, title: looked?.title ?? null } : null,
    mode: config?.mode ?? null,
    silent: config?.silent ?? stored.silent,
    botToken: secretView(secrets.botToken),
    webhookSecret: secretView(secrets.webhookSecret),
    health: {
      status,
      state,
      ...(config && health.fix && status === 'degraded' ? { fix: health.fix } : {}),
      checkedAt: health.checkedAt.toISOString(),
    },
    webhook: webhookTarget(),
  };
}
