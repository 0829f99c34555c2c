import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  conversationOfReplyAddress,
  replyAddressFor,
  signResumeToken,
  signUnsubscribeToken,
  verifyResumeToken,
  verifyUnsubscribeToken,
} from './links';

describe('reply addresses', () => {
  it('lead back to their conversation among the recipients', () => {
    const id = randomUUID();
    const address = replyAddressFor('support@acme.test', id);
    expect(address).toMatch(/^support\+[0-9a-f]{44}@acme\.test$/);
    expect(conversationOfReplyAddress(['team@acme.test', address.toUpperCase()])).toBe(id);
  });

  it('refuse a changed conversation id or signature', () => {
    const address = replyAddressFor('support@acme.test', randomUUID());
    const otherId = address.replace(/\+[0-9a-f]/, (m) => (m === '+0' ? '+1' : '+0'));
    expect(conversationOfReplyAddress([otherId])).toBeNull();
    expect(conversationOfReplyAddress(['support@acme.test'])).toBeNull();
  });
});

describe('signed links', () => {
  it('carry the conversation and cannot be used for each other', async () => {
    const id = randomUUID();
    const resume = await signResumeToken(id, 3);
    expect(await verifyResumeToken(resume)).toEqual({ conversationId: id, version: 3 });
    const unsubscribe = await signUnsubscribeToken('Kim@Example.com', id);
    expect(await verifyUnsubscribeToken(unsubscribe)).toEqual({
      address: 'kim@example.com',
      conversationId: id,
    });
    await expect(verifyResumeToken(unsubscribe)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(verifyUnsubscribeToken(resume)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
