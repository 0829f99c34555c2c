// Sign-in rules: scrypt-verified passwords, disabled agents refused, attempts limited per
// IP and email, and the session (JWT callback) dropped for an agent disabled later.
import { eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { signOutEverywhere } from '@/lib/agents/sign-out-everywhere';
import { db } from '@/lib/db/client';
import { agents } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { SESSION_COOKIE, sessionCookie } from '@/test/agent-session';
import { createAgent } from '@/test/factories';
import { authOptions } from './auth-options';
import {
  ACCOUNT_FAILURES_ALLOWED,
  IP_FAILURES_ALLOWED,
  LOGIN_FAILURES_ALLOWED,
} from './login-limit';
import { authenticateSession, parseCookies } from './session';
import { verifySignIn } from './sign-in';

const PASSWORD = 'correct horse battery';

const decodedSession = async (cookies: Record<string, string>) =>
  decode({ token: cookies[SESSION_COOKIE], secret: env().authSecret });

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

  it('refuses a disabled agent with the one message, right password or not', async () => {
    const agent = await createAgent({ active: false });
    await expect(verifySignIn(agent.email!, PASSWORD, '192.0.2.11')).rejects.toThrow(
      'invalid_credentials',
    );
    await expect(verifySignIn(agent.email!, 'wrong password', '192.0.2.11')).rejects.toThrow(
      'invalid_credentials',
    );
  });

  it('refuses an agent without a password (invited, not yet accepted) the same way', async () => {
    const agent = await createAgent({ passwordHash: null });
    await expect(verifySignIn(agent.email!, '', '192.0.2.14')).rejects.toThrow(
      'invalid_credentials',
    );
  });

  it('limits one IP spraying a password across many accounts', async () => {
    const ip = '192.0.2.15';
    for (let i = 0; i < IP_FAILURES_ALLOWED; i++) {
      await expect(verifySignIn(`nobody-${i}@example.com`, PASSWORD, ip)).rejects.toThrow(
        'invalid_credentials',
      );
    }
    const agent = await createAgent();
    await expect(verifySignIn(agent.email!, PASSWORD, ip)).rejects.toThrow('rate_limited');
  });

  it('limits guesses at one account from many IPs', async () => {
    const agent = await createAgent();
    for (let i = 0; i < ACCOUNT_FAILURES_ALLOWED; i++) {
      await expect(verifySignIn(agent.email!, 'wrong', `198.51.100.${i}`)).rejects.toThrow(
        'invalid_credentials',
      );
    }
    await expect(verifySignIn(agent.email!, PASSWORD, '198.51.100.250')).rejects.toThrow(
      'rate_limited',
    );
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
    await expect(authenticateSession(cookies)).resolves.toMatchObject({ agent: { id: agent.id } });
    const jwt = authOptions().callbacks!.jwt!;
    const token = await decodedSession(cookies);
    await expect(jwt({ token } as never)).resolves.toMatchObject({ sub: agent.id });

    await db().update(agents).set({ active: false }).where(eq(agents.id, agent.id));
    await expect(authenticateSession(cookies)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(jwt({ token } as never)).rejects.toThrow('ended');
  });

  it('end all at once when the session version is raised, and one at sign-out', async () => {
    const agent = await createAgent();
    const first = parseCookies(await sessionCookie(agent.id));
    const second = parseCookies(await sessionCookie(agent.id));
    await expect(authenticateSession(first)).resolves.toBeDefined();

    // Signing out in one browser ends that session only.
    await authOptions().events!.signOut!({ token: await decodedSession(first) } as never);
    await expect(authenticateSession(first)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticateSession(second)).resolves.toBeDefined();

    await signOutEverywhere(agent.id, { type: 'agent', agentId: agent.id });
    await expect(authenticateSession(second)).rejects.toMatchObject({ code: 'unauthorized' });
    // A session opened afterwards works.
    await expect(
      authenticateSession(parseCookies(await sessionCookie(agent.id))),
    ).resolves.toBeDefined();
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
