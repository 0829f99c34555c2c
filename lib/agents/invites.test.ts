// Invitation links are single-use, also when the same link is submitted several times at
// once (a double click, a retrying client, someone racing the invitee).
import { describe, expect, it } from 'vitest';
import { serviceActor } from '../actor';
import { acceptInvite } from './invites';
import { addAgent } from './team';

describe('acceptInvite', () => {
  it('lets exactly one of five concurrent acceptances of a link through', async () => {
    const { invite } = await addAgent(
      { name: 'Ivy', email: `ivy-${Date.now()}@example.com`, role: 'agent' },
      serviceActor,
    );
    const token = invite!.url.split('/invite/')[1]!;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => acceptInvite(token, `a long password ${i}`)),
    );
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(4);
    for (const outcome of refused) {
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'not_found' });
    }
    await expect(acceptInvite(token, 'yet another password')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
