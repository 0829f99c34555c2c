// TELEGRAM_BOT_TOKEN in the environment wins over the console: the state says so, the
// values are shown masked and read-only, and saving or disconnecting here is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, FakeTelegram } from '@/e2e/fake-telegram/fake-telegram';
import { getEffectiveTelegram } from '@/lib/telegram/config';
import { apiRequest, expectError } from '@/test/api-requests';
import * as settingsRoute from '../settings/route';
import * as stateRoute from './route';

const fake = new FakeTelegram();
await fake.start();
const ENV_GROUP = -1001112223334;
fake.addSupportGroup(ENV_GROUP, { title: 'Env support' });
Object.assign(process.env, {
  TELEGRAM_API_ROOT: fake.url,
  TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
  TELEGRAM_SUPPORT_CHAT_ID: String(ENV_GROUP),
});

const SERVICE = { token: 'test-service-token-0123456789' };

afterAll(async () => {
  await fake.stop();
});

describe('Telegram set by the environment', () => {
  it('wins over what is stored, and is shown as such without the token', async () => {
    const stored = await settingsRoute.POST(
      apiRequest('POST', '/admin/settings', {
        ...SERVICE,
        body: { telegram: { botToken: '42:stored-token', supportChatId: -1009 } },
      }),
    );
    expect(stored.status).toBe(200);
    const settingsText = await stored.text();
    expect(JSON.parse(settingsText).settings.telegram).toMatchObject({
      managedByEnvironment: true,
      botToken: { set: true, last4: 'oken' },
    });

    expect(await getEffectiveTelegram()).toMatchObject({
      source: 'env',
      config: { botToken: FAKE_TOKEN, supportChatId: ENV_GROUP, mode: 'polling' },
    });
    const response = await stateRoute.GET(apiRequest('GET', '/admin/telegram', SERVICE));
    const text = await response.text();
    expect(JSON.parse(text).telegram).toMatchObject({
      source: 'env',
      bot: { username: 'parley_test_bot' },
      chat: { id: ENV_GROUP, title: 'Env support' },
      botToken: { set: true, last4: FAKE_TOKEN.slice(-4) },
    });
    for (const body of [text, settingsText]) {
      expect(body).not.toContain(FAKE_TOKEN);
      expect(body).not.toContain('stored-token');
    }
  });

  it('refuses to save or disconnect in the console', async () => {
    await expectError(
      await stateRoute.POST(
        apiRequest('POST', '/admin/telegram', {
          ...SERVICE,
          body: { botToken: FAKE_TOKEN, supportChatId: ENV_GROUP, mode: 'polling' },
        }),
      ),
      409,
      'conflict',
    );
    await expectError(
      await stateRoute.DELETE(apiRequest('DELETE', '/admin/telegram', SERVICE)),
      409,
      'conflict',
    );
  });
});
