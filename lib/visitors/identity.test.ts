// Identity verification through the start endpoint's service: a token signed by the site's
// backend makes the conversation verified and brings the same user back to their open
// conversation on another device; expired, foreign, too long-lived or missing-but-required
// tokens are refused with 401.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { serviceActor } from '../actor';
import { getCustomerHistory } from '../conversations/get-customer-history';
import { postCustomerMessage } from '../conversations/post-customer-message';
import { startConversation } from '../conversations/start-conversation';
import { env } from '../env';
import { updateSettings } from '../settings/update-settings';

const SITE_SECRET = () => new TextEncoder().encode(env().widgetIdentitySecret!);

async function identityToken(
  claims: Record<string, unknown>,
  {
    expiresIn = '1h',
    secret = SITE_SECRET(),
  }: { expiresIn?: string | number; secret?: Uint8Array } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secret);
}

describe('identity tokens', () => {
  it('verify the visitor, and the same user resumes their open conversation elsewhere', async () => {
    const token = await identityToken({ sub: 'user-1001', email: 'ada@example.com', name: 'Ada' });
    const first = await startConversation({ identityToken: token, visitorId: 'laptop' });
    expect(first.conversation.identity).toEqual({
      sub: 'user-1001',
      email: 'ada@example.com',
      name: 'Ada',
    });
    expect(first.view.name).toBe('Ada');
    await postCustomerMessage(first.conversation.id, { text: 'from my laptop', clientId: 'l-1' });

    const phone = await startConversation({
      identityToken: await identityToken({ sub: 'user-1001' }),
      visitorId: 'phone',
    });
    expect(phone.resumed).toBe(true);
    expect(phone.conversation.id).toBe(first.conversation.id);
    const history = await getCustomerHistory(phone.conversation.id);
    expect(history.messages.map((m) => m.text)).toContain('from my laptop');

    // Another user, or nobody, gets a conversation of their own.
    const other = await startConversation({
      identityToken: await identityToken({ sub: 'user-2002' }),
    });
    expect(other.conversation.id).not.toBe(first.conversation.id);
    const anonymous = await startConversation({ visitorId: 'laptop' });
    expect(anonymous.conversation.identity).toBeNull();
  });

  it.each([
    [
      'expired',
      () => identityToken({ sub: 'u' }, { expiresIn: Math.floor(Date.now() / 1000) - 600 }),
    ],
    [
      'signed with another secret',
      () => identityToken({ sub: 'u' }, { secret: new TextEncoder().encode('x'.repeat(40)) }),
    ],
    ['valid for more than 24 hours', () => identityToken({ sub: 'u' }, { expiresIn: '48h' })],
    ['without a sub', () => identityToken({ email: 'a@example.com' })],
  ])('refuses a token %s with 401', async (_, make) => {
    await expect(startConversation({ identityToken: await make() })).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });

  it('refuses anonymous starts when identity.required is on', async () => {
    await updateSettings({ identity: { required: true } }, serviceActor);
    try {
      await expect(startConversation({ visitorId: 'someone' })).rejects.toMatchObject({
        code: 'unauthorized',
      });
      const verified = await startConversation({
        identityToken: await identityToken({ sub: 'user-3003' }),
      });
      expect(verified.conversation.identitySub).toBe('user-3003');
    } finally {
      await updateSettings({ identity: { required: false } }, serviceActor);
    }
  });
});
