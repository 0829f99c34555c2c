// Canned responses through the agent API: admins add, edit and delete them (a shortcut is
// unique whatever its case), every agent reads them.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { auditLog } from '@/lib/db/schema';
import { sessionCookie } from '@/test/agent-session';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createAgent } from '@/test/factories';
import * as itemRoute from './[id]/route';
import * as listRoute from './route';

const as = async (role: 'admin' | 'agent') => ({
  cookie: await sessionCookie((await createAgent({ role })).id),
});
const request = (method: string, path: string, cookie: string | undefined, body?: unknown) =>
  apiRequest(method, `/agent/canned-responses${path}`, {
    body,
    headers: cookie ? { cookie } : {},
  });
const create = (cookie: string, body: unknown) => listRoute.POST(request('POST', '', cookie, body));
const edit = (cookie: string | undefined, id: string, body: unknown) =>
  itemRoute.PATCH(request('PATCH', `/${id}`, cookie, body), routeParams({ id }));

describe('editing canned responses', () => {
  it('replaces the shortcut and text, audited, and lists the new version', async () => {
    const admin = await as('admin');
    const created = await create(admin.cookie, { shortcut: 'hi', text: 'Hi!' });
    expect(created.status).toBe(201);
    const { cannedResponse } = await created.json();

    const edited = await edit(admin.cookie, cannedResponse.id, {
      shortcut: 'hello',
      text: 'Hello there!',
    });
    expect(edited.status).toBe(200);
    expect((await edited.json()).cannedResponse).toEqual({
      id: cannedResponse.id,
      shortcut: 'hello',
      text: 'Hello there!',
    });
    const agent = await as('agent');
    const list = await (await listRoute.GET(request('GET', '', agent.cookie))).json();
    expect(list.cannedResponses).toEqual([
      { id: cannedResponse.id, shortcut: 'hello', text: 'Hello there!' },
    ]);
    const trail = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'canned_response.updated'));
    expect(trail.map((entry) => entry.meta)).toEqual([
      { id: cannedResponse.id, shortcut: 'hello' },
    ]);
  });

  it('refuses a shortcut another response has (any case) with 409, and bad input with 400', async () => {
    const admin = await as('admin');
    await create(admin.cookie, { shortcut: 'refund', text: 'Refunds take 3 days.' });
    const { cannedResponse } = await (
      await create(admin.cookie, { shortcut: 'bye', text: 'Bye!' })
    ).json();
    await expectError(
      await edit(admin.cookie, cannedResponse.id, { shortcut: 'REFUND', text: 'Bye!' }),
      409,
      'conflict',
    );
    await expectError(
      await create(admin.cookie, { shortcut: 'Bye', text: 'Again' }),
      409,
      'conflict',
    );
    for (const body of [
      { shortcut: 'has space', text: 'x' },
      { shortcut: 'ok', text: '' },
      { shortcut: 'ok' },
      { shortcut: 'ok', text: 'x', extra: 1 },
    ]) {
      await expectError(await edit(admin.cookie, cannedResponse.id, body), 400, 'invalid_request');
    }
    await expectError(
      await edit(admin.cookie, cannedResponse.id, { shortcut: 'ok', text: 'x'.repeat(4001) }),
      413,
      'too_large',
    );
    // Keeping its own shortcut is no conflict.
    expect(
      (await edit(admin.cookie, cannedResponse.id, { shortcut: 'bye', text: 'Goodbye!' })).status,
    ).toBe(200);
  });

  it('answers 401, 403 to an agent, 404 for an unknown id and 400 for a bad one', async () => {
    const admin = await as('admin');
    const agent = await as('agent');
    const { cannedResponse } = await (
      await create(admin.cookie, { shortcut: 'thanks', text: 'Thanks!' })
    ).json();
    const body = { shortcut: 'thanks', text: 'Thank you!' };
    await expectError(await edit(undefined, cannedResponse.id, body), 401, 'unauthorized');
    await expectError(await edit(agent.cookie, cannedResponse.id, body), 403, 'forbidden');
    await expectError(
      await edit(admin.cookie, '00000000-0000-4000-8000-000000000000', body),
      404,
      'not_found',
    );
    await expectError(await edit(admin.cookie, 'nope', body), 400, 'invalid_request');
  });
});
