// Sign-in rules: scrypt-verified passwords, disabled agents refused, attempts limited per
// IP and email, and the session (JWT callback) dropped for an agent disabled later.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { agents } from '@/lib/db/schema';
import { sessionCookie } from '@/test/agent-session';
import { createAgent } from '@/test/factories';
import { authOptions } from './auth-options';
import { LOGIN_FAILURES_ALLOWED } from './login-limit';
import { authenticateSession, parseCookies } from './session';
import { verifySignIn } from './sign-in';

const PASSWORD = 'correct horse battery';

describe('verifySignIn', () => {
  it('accepts the right password whatever the email case, and refuses a wrong one', async () => {
    const agent = await createAgent({ name: 'Ann' });
    await expect(
      verifySignIn(agent.email!.toUpperCase(), PASSWORD, '192.0.2.10'),
    ).resolves.toMatchObject({
      id: agent.id,
      name: 'Ann',
    });
    await expect(verifySignIn(agent.email!, 'wrong password', '192.0.2.10')).rejects.toThrow(
      'invalid_credentials',
    );
    await expect(verifySignIn('nobody@example.com', PASSWORD, '192.0.2.10')).rejects.toThrow(
      'invalid_credentials',
    );
  });

  it('refuses a disabled agent even with the right password', async () => {
    const agent = await createAgent({ active: false });
    await expect(verifySignIn(agent.email!, PASSWORD, '192.0.2.11')).rejects.toThrow('disabled');
  });

  it('limits failures per IP and email; another IP or email is unaffected', async () => {
    const agent = await createAgent();
    for (let i = 0; i < LOGIN_FAILURES_ALLOWED; i++) {
      await expect(verifySignIn(agent.email!, 'wrong', '192.0.2.12')).rejects.toThrow(
        'invalid_credentials',
      );
    }
    // Even the right password is refused now, from that IP for that email.
    await expect(verifySignIn(agent.email!, PASSWORD, '192.0.2.12')).rejects.toThrow(
      'rate_limited',
    );
    await expect(verifySignIn(agent.email!, PASSWORD, '192.0.2.13')).resolves.toMatchObject({
      id: agent.id,
    });
  });
});

describe('sessions', () => {
  it('are refused once the agent is disabled, in the JWT callback and everywhere else', async () => {
    const agent = await createAgent();
    const cookies = parseCookies(await sessionCookie(agent.id));
    await expect(authenticateSession(cookies)).resolves.toMatchObject({ id: agent.id });
    const jwt = authOptions().callbacks!.jwt!;
    await expect(jwt({ token: { sub: agent.id } } as never)).resolves.toMatchObject({
      sub: agent.id,
    });

    await db().update(agents).set({ active: false }).where(eq(agents.id, agent.id));
    await expect(authenticateSession(cookies)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(jwt({ token: { sub: agent.id } } as never)).rejects.toThrow('disabled');
  });

  it('are refused when forged with another secret or missing', async () => {
    const agent = await createAgent();
    const forged = parseCookies(
      await sessionCookie(agent.id, 'another-secret-0123456789abcdef0123'),
    );
    await expect(authenticateSession(forged)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticateSession({})).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
