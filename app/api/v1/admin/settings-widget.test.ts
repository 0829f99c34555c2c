// The widget's look and the pre-chat form through the admin settings API: validated,
// admins only, and what visitors get from the widget config at once.
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as configRoute from '../widget/config/route';
import * as settingsRoute from './settings/route';

const SERVICE = { token: env().serviceToken! };

const postSettings = (body: unknown, call: { token?: string; headers?: Record<string, string> }) =>
  settingsRoute.POST(apiRequest('POST', '/admin/settings', { ...call, body }));
const asService = (body: unknown) => postSettings(body, SERVICE);
const widgetConfig = async () =>
  (await configRoute.GET(apiRequest('GET', '/widget/config'))).json();

const topic = {
  id: 'topic',
  label: 'What is it about?',
  type: 'select',
  required: true,
  options: ['Billing', 'Bugs'],
};

describe('preChatFields settings', () => {
  it('stores the form under its own key and serves it to the widget in order', async () => {
    const response = await asService({
      preChatFields: {
        fields: [{ id: 'name', label: "Visitor's name", type: 'text', required: true }, topic],
      },
    });
    expect(response.status).toBe(200);
    const { settings } = await response.json();
    expect(settings.preChatFields.fields.map((f: { id: string }) => f.id)).toEqual([
      'name',
      'topic',
    ]);
    expect(settings.widget).not.toHaveProperty('preChatFields');

    expect((await widgetConfig()).preChatFields).toEqual([
      { id: 'name', label: "Visitor's name", type: 'text', required: true },
      topic,
    ]);
  });

  it.each([
    ['an unknown key in the setting', { fields: [], layout: 'wide' }],
    ['an unknown property of a field', { fields: [{ ...topic, placeholder: 'Pick one' }] }],
    ['an id that is not an identifier', { fields: [{ ...topic, id: '1 topic' }] }],
    ['an unknown type', { fields: [{ ...topic, type: 'date' }] }],
    ['an empty label', { fields: [{ ...topic, label: '' }] }],
    ['two fields with one id', { fields: [topic, { ...topic, label: 'Again' }] }],
    ['a select without options', { fields: [{ ...topic, options: [] }] }],
    [
      'more than 20 fields',
      { fields: Array.from({ length: 21 }, (_, i) => ({ ...topic, id: `f${i}` })) },
    ],
    ['fields that are no list', { fields: 'topic' }],
  ])('refuses %s with 400, changing nothing', async (_, preChatFields) => {
    await asService({ preChatFields: { fields: [topic] } });
    await expectError(await asService({ preChatFields }), 400, 'invalid_request');
    expect((await widgetConfig()).preChatFields).toEqual([topic]);
  });

  it('no longer takes the form under the widget key', async () => {
    await expectError(
      await asService({ widget: { preChatFields: [topic] } }),
      400,
      'invalid_request',
    );
  });

  it('answers 401 without credentials and 403 for an agent session', async () => {
    const agent = await createAgent();
    await asService({ preChatFields: { fields: [] } });
    const body = { preChatFields: { fields: [topic] } };
    await expectError(await postSettings(body, {}), 401, 'unauthorized');
    await expectError(
      await postSettings(body, { headers: { cookie: await sessionCookie(agent.id) } }),
      403,
      'forbidden',
    );
    expect((await widgetConfig()).preChatFields).toEqual([]);
  });
});

describe('widget settings', () => {
  it('saves the look and the team name, which the widget config shows at once', async () => {
    const response = await asService({
      widget: { color: '#0f766e', position: 'left', greeting: 'Moin!', teamName: 'Acme crew' },
    });
    expect(response.status).toBe(200);
    expect(await widgetConfig()).toMatchObject({
      color: '#0f766e',
      position: 'left',
      greeting: 'Moin!',
      teamName: 'Acme crew',
    });
  });

  it.each([
    ['a colour that is no #rrggbb', { color: 'teal' }],
    ['a position in the middle', { position: 'center' }],
    ['a team name of 61 characters', { teamName: 'x'.repeat(61) }],
    ['an unknown field', { launcherIcon: 'star' }],
  ])('refuses %s with 400', async (_, widget) => {
    await expectError(await asService({ widget }), 400, 'invalid_request');
  });
});
