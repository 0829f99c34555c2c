// Checks an email and password for sign-in: rate-limited, scrypt-verified, and refused for
// disabled agents. next-auth's Credentials provider calls this; tests call it directly.
import { getAgentByEmail, touchAgent } from '../agents/agents';
import { verifyPassword } from '../agents/password';
import type { SessionAgent } from '../contracts/agent';
import { db } from '../db/client';
import { AppError } from '../errors';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-limit';
import { presentSessionAgent } from './session';

export const SIGN_IN_ERRORS = {
  invalid: 'invalid_credentials',
  disabled: 'disabled',
  rateLimited: 'rate_limited',
} as const;

export class SignInError extends Error {
  constructor(readonly code: (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS]) {
    super(code);
  }
}

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
  const valid = await verifyPassword(password, agent?.passwordHash ?? null);
  if (!agent || !valid) {
    await recordLoginFailure(ip, email);
    throw new SignInError(SIGN_IN_ERRORS.invalid);
  }
  if (!agent.active) throw new SignInError(SIGN_IN_ERRORS.disabled);
  await clearLoginFailures(ip, email);
  await touchAgent(db(), agent.id);
  return presentSessionAgent(agent);
}
