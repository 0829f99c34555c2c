// Settings and message templates through the admin API: readable, partially writable,
// validated whole, effective at once.
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { apiRequest, expectError } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as configRoute from '../widget/config/route';
import * as templatesRoute from './message-templates/route';
import * as settingsRoute from './settings/route';

const SERVICE = { token: env().serviceToken! };

const getSettings = () => settingsRoute.GET(apiRequest('GET', '/admin/settings', SERVICE));
const postSettings = (body: unknown) =>
  settingsRoute.POST(apiRequest('POST', '/admin/settings', { ...SERVICE, body }));

describe('GET/POST /api/v1/admin/settings', () => {
  it('requires the service token', async () => {
    await expectError(
      await settingsRoute.GET(apiRequest('GET', '/admin/settings')),
      401,
      'unauthorized',
    );
    await expectError(
      await settingsRoute.POST(
        apiRequest('POST', '/admin/settings', { token: 'wrong-token-000000', body: {} }),
      ),
      401,
      'unauthorized',
    );
  });

  it('returns every setting with its defaults', async () => {
    const response = await getSettings();
    expect(response.status).toBe(200);
    const { settings } = await response.json();
    expect(settings.automation).toEqual({
      firstReminderSeconds: 300,
      secondReminderSeconds: 900,
      autoCloseNoAgentReplySeconds: null,
      autoCloseCustomerSilentSeconds: null,
      sweepIntervalSeconds: 15,
    });
    expect(settings.workingHours).toMatchObject({ enabled: false, timezone: 'UTC' });
    expect(settings.retention).toEqual({ closedConversationDays: null });
    expect(settings.widget).toMatchObject({ title: expect.any(String), teamName: '' });
    expect(settings.preChatFields).toEqual({ fields: [] });
  });

  it('merges a partial update over what is stored, effective at once', async () => {
    const first = await postSettings({ automation: { firstReminderSeconds: 5 } });
    expect(first.status).toBe(200);
    const second = await postSettings({
      automation: { secondReminderSeconds: 20 },
      widget: { title: 'Help desk' },
    });
    const { settings } = await second.json();
    expect(settings.automation).toMatchObject({
      firstReminderSeconds: 5,
      secondReminderSeconds: 20,
    });

    const config = await configRoute.GET(apiRequest('GET', '/widget/config'));
    expect(await config.json()).toMatchObject({ title: 'Help desk' });
  });

  it('shows the widget offline outside working hours, even with an agent signed in', async () => {
    await createAgent({ lastSeenAt: new Date() });
    const online = async () =>
      (await (await configRoute.GET(apiRequest('GET', '/widget/config'))).json()).online;
    expect(await online()).toBe(true);
    await postSettings({ workingHours: { enabled: true, week: {} } });
    expect(await online()).toBe(false);
    await postSettings({ workingHours: { enabled: false } });
    expect(await online()).toBe(true);
  });

  it('refuses unknown keys, unknown fields and invalid values, changing nothing', async () => {
    await expectError(await postSettings({ nonsense: { a: 1 } }), 400, 'invalid_request');
    await expectError(
      await postSettings({ automation: { firstReminderSecs: 5 } }),
      400,
      'invalid_request',
    );
    await expectError(
      await postSettings({ automation: { firstReminderSeconds: -1 } }),
      400,
      'invalid_request',
    );
    await expectError(
      await postSettings({ workingHours: { timezone: 'Atlantis/Capital' } }),
      400,
      'invalid_request',
    );
    await expectError(await postSettings([1, 2]), 400, 'invalid_request');
    await expectError(
      await settingsRoute.POST(
        apiRequest('POST', '/admin/settings', { ...SERVICE, body: '{nope' }),
      ),
      400,
      'invalid_request',
    );
    const { settings } = await (await getSettings()).json();
    expect(settings.workingHours.timezone).toBe('UTC');
  });
});

describe('GET/POST /api/v1/admin/message-templates', () => {
  const upsert = (body: unknown) =>
    templatesRoute.POST(apiRequest('POST', '/admin/message-templates', { ...SERVICE, body }));

  it('lists every template with its built-in default', async () => {
    const response = await templatesRoute.GET(
      apiRequest('GET', '/admin/message-templates', SERVICE),
    );
    const { templates } = await response.json();
    expect(templates.map((t: { key: string }) => t.key)).toEqual(
      expect.arrayContaining([
        'welcome_message',
        'closing_message',
        'auto_closed',
        'unclaimed_reminder_15m_pin',
      ]),
    );
    expect(
      templates.find((t: { key: string }) => t.key === 'unclaimed_reminder_15m_pin'),
    ).toMatchObject({
      locale: '',
      pin: true,
      telegram: true,
      notice: false,
      isDefault: true,
    });
  });

  it('upserts a template per key and locale, keeping default flags that are left out', async () => {
    const created = await upsert({
      key: 'closing_message',
      locale: 'de',
      text: 'Danke, bis bald!',
    });
    expect(created.status).toBe(200);
    expect((await created.json()).template).toMatchObject({
      key: 'closing_message',
      locale: 'de',
      text: 'Danke, bis bald!',
      persist: true,
      isDefault: false,
    });
    await upsert({ key: 'closing_message', locale: 'de', text: 'Danke!', notice: true });

    const { templates } = await (
      await templatesRoute.GET(apiRequest('GET', '/admin/message-templates', SERVICE))
    ).json();
    const german = templates.filter(
      (t: { key: string; locale: string }) => t.key === 'closing_message' && t.locale === 'de',
    );
    expect(german).toEqual([
      expect.objectContaining({ text: 'Danke!', notice: true, persist: true }),
    ]);
  });

  it('refuses unknown keys, empty or oversize text and bad types', async () => {
    await expectError(await upsert({ key: 'surprise', text: 'Hi' }), 400, 'invalid_request');
    await expectError(await upsert({ key: 'auto_closed', text: '   ' }), 400, 'invalid_request');
    await expectError(
      await upsert({ key: 'auto_closed', text: 'x'.repeat(4001) }),
      413,
      'too_large',
    );
    await expectError(
      await upsert({ key: 'auto_closed', text: 'Hi', pin: 'yes' }),
      400,
      'invalid_request',
    );
    await expectError(
      await upsert({ key: 'auto_closed', text: 'Hi', locale: 'Deutsch!' }),
      400,
      'invalid_request',
    );
  });
});
