// The console's view of system-message templates: built-in defaults told apart from stored
// texts, and resetting a stored text so the inherited one applies again.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KEYS } from '@/lib/contracts/admin';
import { getTemplate } from '@/lib/conversations/system-messages';
import { db } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as templatesRoute from './route';

const SERVICE = { token: env().serviceToken! };

const catalog = async () =>
  (await templatesRoute.GET(apiRequest('GET', '/admin/message-templates', SERVICE))).json();
const upsert = (body: unknown) =>
  templatesRoute.POST(apiRequest('POST', '/admin/message-templates', { ...SERVICE, body }));
const reset = (
  query: string,
  call: { token?: string; headers?: Record<string, string> } = SERVICE,
) => templatesRoute.DELETE(apiRequest('DELETE', `/admin/message-templates?${query}`, call));

describe('GET /api/v1/admin/message-templates', () => {
  it('gives the built-in defaults and the stored locales next to what is in effect', async () => {
    await upsert({ key: 'welcome_message', locale: 'pt-BR', text: 'Olá!' });
    const body = await catalog();
    expect(body.locales).toEqual(['pt-BR']);
    expect(body.defaults).toHaveLength(TEMPLATE_KEYS.length);
    expect(body.defaults.find((t: { key: string }) => t.key === 'welcome_message')).toEqual({
      key: 'welcome_message',
      text: expect.stringMatching(/^Hi there!/),
      notice: true,
      persist: false,
      telegram: false,
      pin: false,
      rateLimitSeconds: 0,
    });
    const welcome = body.templates.filter((t: { key: string }) => t.key === 'welcome_message');
    expect(welcome).toEqual([
      expect.objectContaining({ locale: '', isDefault: true }),
      expect.objectContaining({ locale: 'pt-BR', text: 'Olá!', isDefault: false }),
    ]);
  });
});

describe('DELETE /api/v1/admin/message-templates', () => {
  it('removes the stored text, so the default applies again, with an audit entry', async () => {
    await upsert({ key: 'offline_message', text: 'Gone fishing', rateLimitSeconds: 60 });
    expect((await getTemplate(db(), 'offline_message')).text).toBe('Gone fishing');

    const response = await reset('key=offline_message');
    expect(response.status).toBe(200);
    expect((await response.json()).template).toMatchObject({
      key: 'offline_message',
      locale: '',
      text: expect.stringMatching(/^We are offline/),
      rateLimitSeconds: 3600,
      isDefault: true,
    });
    expect((await getTemplate(db(), 'offline_message')).text).toMatch(/^We are offline/);
    const offline = (await catalog()).templates.filter(
      (t: { key: string }) => t.key === 'offline_message',
    );
    expect(offline).toEqual([expect.objectContaining({ locale: '', isDefault: true })]);

    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'template.reset'), eq(auditLog.actor, 'service')));
    expect(entries.map((e) => e.meta)).toEqual([{ key: 'offline_message', locale: '' }]);
  });

  it('lets a reset locale inherit its language, then the default text', async () => {
    await upsert({ key: 'closing_message', text: 'Bye for now' });
    await upsert({ key: 'closing_message', locale: 'de', text: 'Tschüss' });
    await upsert({ key: 'closing_message', locale: 'de-AT', text: 'Servus' });

    const fromLanguage = await (await reset('key=closing_message&locale=de-AT')).json();
    expect(fromLanguage.template).toMatchObject({ locale: 'de', text: 'Tschüss' });
    expect((await getTemplate(db(), 'closing_message', 'de-AT')).text).toBe('Tschüss');

    const fromDefault = await (await reset('key=closing_message&locale=de')).json();
    expect(fromDefault.template).toMatchObject({ locale: '', text: 'Bye for now' });
    expect((await catalog()).locales).not.toContain('de');
  });

  it('answers 404 when nothing is stored and 400 for an unknown key or a bad locale', async () => {
    await expectError(await reset('key=auto_closed&locale=fr'), 404, 'not_found');
    await expectError(await reset('key=surprise'), 400, 'invalid_request');
    await expectError(await reset(''), 400, 'invalid_request');
    await expectError(await reset('key=auto_closed&locale=Deutsch!'), 400, 'invalid_request');
  });

  it('is for admins: 401 without credentials, 403 for an agent, allowed for an admin', async () => {
    await upsert({ key: 'auto_closed', text: 'Closed for quiet' });
    await expectError(await reset('key=auto_closed', {}), 401, 'unauthorized');
    const agent = await createAgent({ role: 'agent' });
    await expectError(
      await reset('key=auto_closed', { headers: { cookie: await sessionCookie(agent.id) } }),
      403,
      'forbidden',
    );
    await expectError(
      await templatesRoute.GET(
        apiRequest('GET', '/admin/message-templates', {
          headers: { cookie: await sessionCookie(agent.id) },
        }),
      ),
      403,
      'forbidden',
    );
    expect((await getTemplate(db(), 'auto_closed')).text).toBe('Closed for quiet');

    const admin = await createAgent({ role: 'admin' });
    const response = await reset('key=auto_closed', {
      headers: { cookie: await sessionCookie(admin.id) },
    });
    expect(response.status).toBe(200);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'template.reset'), eq(auditLog.actor, `agent:${admin.id}`)));
    expect(entry?.meta).toEqual({ key: 'auto_closed', locale: '' });
  });
});
