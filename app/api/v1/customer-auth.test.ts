// Customer tokens at the edge (DESIGN §6, §8): which tokens open a conversation, and the
// status every other one gets.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { conversations } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { apiRequest, expectError, routeParams } from '@/test/api-requests';
import { createConversation, nextClientId } from '@/test/factories';
import * as messagesRoute from './conversations/[id]/messages/route';
import * as conversationRoute from './conversations/[id]/route';

/** Signs claims the way lib/customer-token.ts does, with `secret` as AUTH_SECRET. */
function sign(
  claims: { sub: string; v?: number; aud?: string; exp?: number },
  secret = env().authSecret,
) {
  const key = createHash('sha256').update(`parley customer token\0${secret}`).digest();
  const jwt = new SignJWT({ v: claims.v ?? 1 })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setAudience(claims.aud ?? 'parley:customer')
    .setIssuedAt();
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Each customer endpoint that takes a token, called with a well-formed request. */
const ENDPOINTS = {
  'GET history': (id: string, token?: string) =>
    conversationRoute.GET(
      apiRequest('GET', `/conversations/${id}`, { token }),
      routeParams({ id }),
    ),
  'POST message': (id: string, token?: string) =>
    messagesRoute.POST(
      apiRequest('POST', `/conversations/${id}/messages`, {
        token,
        body: { text: 'Hello', clientId: nextClientId() },
      }),
      routeParams({ id }),
    ),
  'PATCH name': (id: string, token?: string) =>
    conversationRoute.PATCH(
      apiRequest('PATCH', `/conversations/${id}`, { token, body: { name: 'Maria' } }),
      routeParams({ id }),
    ),
};
const endpoints = Object.entries(ENDPOINTS);

describe.each(endpoints)('%s', (_, call) => {
  it('works with the token the conversation was started with', async () => {
    const { conversation, token } = await createConversation();
    const response = await call(conversation.id, token);
    expect(response.status).toBeLessThan(300);
  });

  it('answers 401 without a token', async () => {
    const { conversation } = await createConversation();
    await expectError(await call(conversation.id), 401, 'unauthorized');
  });

  it("answers 403 forbidden for another conversation's token", async () => {
    const { conversation } = await createConversation();
    const other = await createConversation();
    await expectError(await call(conversation.id, other.token), 403, 'forbidden');
  });

  it('answers 400 for an id that is no uuid', async () => {
    const { token } = await createConversation();
    await expectError(await call('not-a-uuid', token), 400, 'invalid_request');
  });
});

describe('customer tokens', () => {
  const history = ENDPOINTS['GET history'];

  it('accepts a token signed the same way, which proves the refusals below are about the claims', async () => {
    const { conversation } = await createConversation();
    const response = await history(conversation.id, await sign({ sub: conversation.id }));
    expect(response.status).toBe(200);
  });

  it.each([
    ['garbage', async () => 'not.a.token'],
    ['a token signed with another secret', (id: string) => sign({ sub: id }, 'x'.repeat(40))],
    ['an expired token', (id: string) => sign({ sub: id, exp: nowSeconds() - 60 })],
    ['a token for another audience', (id: string) => sign({ sub: id, aud: 'parley:agent' })],
  ])('refuses %s with 401', async (_, token) => {
    const { conversation } = await createConversation();
    await expectError(
      await history(conversation.id, await token(conversation.id)),
      401,
      'unauthorized',
    );
  });

  it('refuses an Authorization header that is not a Bearer token with 401', async () => {
    const { conversation, token } = await createConversation();
    const response = await conversationRoute.GET(
      apiRequest('GET', `/conversations/${conversation.id}`, {
        headers: { authorization: `Basic ${token}` },
      }),
      routeParams({ id: conversation.id }),
    );
    await expectError(response, 401, 'unauthorized');
  });

  it('refuses a revoked token with 401', async () => {
    const { conversation, token } = await createConversation();
    await db()
      .update(conversations)
      .set({ tokenVersion: sql`${conversations.tokenVersion} + 1` })
      .where(eq(conversations.id, conversation.id));

    await expectError(await history(conversation.id, token), 401, 'unauthorized');
  });

  it('answers 404 once the conversation is gone', async () => {
    const { conversation, token } = await createConversation();
    await db().delete(conversations).where(eq(conversations.id, conversation.id));

    await expectError(await history(conversation.id, token), 404, 'not_found');
  });
});
