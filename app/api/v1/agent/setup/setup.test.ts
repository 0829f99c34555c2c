// First run: /setup creates the first admin while no agent exists, and never again.
import { describe, expect, it } from 'vitest';
import { hasAnyAgent } from '@/lib/agents/setup';
import { verifySignIn } from '@/lib/auth/sign-in';
import { apiRequest, expectError } from '@/test/api-requests';
import * as setupRoute from './route';

const setup = (body: unknown) => setupRoute.POST(apiRequest('POST', '/agent/setup', { body }));

describe('POST /api/v1/agent/setup', () => {
  it('creates the first admin once; a second setup is refused with 409', async () => {
    expect(await hasAnyAgent()).toBe(false);
    await expectError(
      await setup({ name: 'Ann', email: 'ann@', password: 'x' }),
      400,
      'invalid_request',
    );

    const [first, second] = await Promise.all([
      setup({ name: 'Ann', email: 'Ann@Example.com', password: 'correct horse battery' }),
      setup({ name: 'Eve', email: 'eve@example.com', password: 'correct horse battery' }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([201, 409]);
    const created = first.status === 201 ? first : second;
    const body = await created.json();
    expect(body.agent).toMatchObject({ role: 'admin' });

    const signedIn = await verifySignIn(body.agent.email, 'correct horse battery', '192.0.2.1');
    expect(signedIn).toMatchObject({ id: body.agent.id, role: 'admin' });
    await expectError(
      await setup({ name: 'Mallory', email: 'm@example.com', password: 'correct horse battery' }),
      409,
      'conflict',
    );
  });
});
