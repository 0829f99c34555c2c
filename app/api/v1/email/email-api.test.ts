// The email side of the customer API through its route handlers, with email off (no
// SMTP_URL in this process): where the address comes from, and clear errors for bad input.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartConversationResponse } from '@/lib/contracts/dto';
import { db } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { invalidateSettingsCache } from '@/lib/settings/cache';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import * as conversationRoute from '../conversations/[id]/route';
import * as transcriptRoute from '../conversations/[id]/transcript/route';
import * as conversationsRoute from '../conversations/route';
import * as inboundRoute from './inbound/route';
import * as resumeRoute from './resume/route';
import * as unsubscribeRoute from './unsubscribe/route';

const signIdentity = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(env().widgetIdentitySecret));

afterEach(async () => {
  await db().delete(settings);
  invalidateSettingsCache();
});

async function started(body: unknown = {}): Promise<StartConversationResponse> {
  const response = await conversationsRoute.POST(apiRequest('POST', '/conversations', { body }));
  expect(response.status).toBe(201);
  return response.json();
}

const patch = (id: string, token: string, body: unknown) =>
  conversationRoute.PATCH(
    apiRequest('PATCH', `/conversations/${id}`, { token, body }),
    routeParams({ id }),
  );

describe('the visitor’s email address', () => {
  it('comes from the start body, the pre-chat form’s email field or a verified identity', async () => {
    expect((await started({ email: 'ann@example.com' })).conversation.email).toBe(
      'ann@example.com',
    );

    await db()
      .insert(settings)
      .values({
        key: 'preChatFields',
        value: { fields: [{ id: 'work', label: 'Work email', type: 'email', required: false }] },
      });
    invalidateSettingsCache();
    const fromForm = await started({ fields: { work: 'bo@example.com' } });
    expect(fromForm.conversation.email).toBe('bo@example.com');

    const identityToken = await signIdentity({ sub: 'user-7', email: 'cy@example.com' });
    expect((await started({ identityToken })).conversation.email).toBe('cy@example.com');
    expect((await started()).conversation.email).toBeNull();
  });

  it('is set with PATCH, alone or with the name; a bad one is a 400', async () => {
    const { conversation, token } = await started();
    const set = await patch(conversation.id, token, { email: 'dee@example.com', name: 'Dee' });
    expect(set.status).toBe(200);
    expect((await set.json()).conversation).toMatchObject({
      email: 'dee@example.com',
      name: 'Dee',
    });
    await expectError(
      await patch(conversation.id, token, { email: 'dee at example' }),
      400,
      'invalid_request',
    );
    await expectError(await patch(conversation.id, token, {}), 400, 'invalid_request');
  });
});

describe('email endpoints while email is off', () => {
  it('refuse the transcript with 503, inbound mail with 404, and bad links with 401', async () => {
    const { conversation, token } = await started({ email: 'eve@example.com' });
    await expectError(
      await transcriptRoute.POST(
        apiRequest('POST', `/conversations/${conversation.id}/transcript`, { token }),
        routeParams({ id: conversation.id }),
      ),
      503,
      'unavailable',
    );
    await expectError(
      await inboundRoute.POST(apiRequest('POST', '/email/inbound', { body: { to: 'x@y.z' } })),
      404,
      'not_found',
    );
    const fake = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    await expectError(
      await resumeRoute.POST(apiRequest('POST', '/email/resume', { body: { token: fake } })),
      401,
      'unauthorized',
    );
    await expectError(
      await resumeRoute.POST(apiRequest('POST', '/email/resume', { body: { token: 'nope' } })),
      400,
      'invalid_request',
    );
    await expectError(
      await unsubscribeRoute.POST(apiRequest('POST', `/email/unsubscribe?token=${fake}`)),
      401,
      'unauthorized',
    );
  });
});
