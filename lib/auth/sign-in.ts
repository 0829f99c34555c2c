// Checks an email and password for sign-in: rate-limited (lib/auth/login-limit.ts),
// scrypt-verified, and refused for disabled agents. Every refusal says the same thing and
// costs the same work: an unknown email, an agent without a password and a disabled agent
// are checked against a stand-in hash, so neither the answer nor its timing tells whether
// an account exists or whether a disabled account's password was right.
import { getAgentByEmail, touchAgent } from '../agents/agents';
import { hashPassword, verifyPassword } from '../agents/password';
import type { SessionAgent } from '../contracts/agent';
import { db } from '../db/client';
import { AppError } from '../errors';
import { processSingleton } from '../singleton';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-limit';
import { presentSessionAgent } from './session';

export const SIGN_IN_ERRORS = {
  invalid: 'invalid_credentials',
  rateLimited: 'rate_limited',
  unavailable: 'unavailable',
} as const;

export class SignInError extends Error {
  constructor(readonly code: (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS]) {
    super(code);
  }
}

/** A hash of a random password with the same cost as real ones; nothing ever matches it. */
const standInHash = () =>
  processSingleton('sign-in.stand-in-hash', () =>
    hashPassword(`stand-in ${Math.random()} ${Date.now()}`),
  );

export async function verifySignIn(
  email: string,
  password: string,
  ip: string,
): Promise<SessionAgent> {
  try {
    await assertLoginAllowed(ip, email);
  } catch (error) {
    if (error instanceof AppError) throw new SignInError(SIGN_IN_ERRORS.rateLimited);
    throw error;
  }
  const agent = email ? await getAgentByEmail(db(), email) : undefined;
  const usable = agent?.active && agent.passwordHash ? agent.passwordHash : null;
  const valid = await verifyPassword(password, usable ?? (await standInHash()));
  if (!agent || !usable || !valid) {
    await recordLoginFailure(ip, email);
    throw new SignInError(SIGN_IN_ERRORS.invalid);
  }
  await clearLoginFailures(ip, email);
  await touchAgent(db(), agent.id);
  return presentSessionAgent(agent);
}
