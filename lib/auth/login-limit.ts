// Sign-in attempts are limited per IP and email: only failures count, and a success
// clears the slate, so a team behind one NAT is not locked out by one person's typos.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { processSingleton } from '../singleton';

export const LOGIN_FAILURES_ALLOWED = 5;
const WINDOW_SECONDS = 15 * 60;

const limiter = () =>
  processSingleton(
    'login-limiter',
    () =>
      new RateLimiterMemory({
        keyPrefix: 'login',
        points: LOGIN_FAILURES_ALLOWED,
        duration: WINDOW_SECONDS,
      }),
  );

const keyOf = (ip: string, email: string) => `${ip}|${email.trim().toLowerCase()}`;

/** Throws 429 `rate_limited` once the failures for this IP and email are used up. */
export async function assertLoginAllowed(ip: string, email: string): Promise<void> {
  const state = await limiter().get(keyOf(ip, email));
  if (state && state.remainingPoints <= 0) {
    const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    throw new AppError(
      'rate_limited',
      `Too many sign-in attempts; try again in ${seconds} s`,
      seconds,
    );
  }
}

export async function recordLoginFailure(ip: string, email: string): Promise<void> {
  await limiter()
    .consume(keyOf(ip, email))
    .catch(() => undefined);
}

export async function clearLoginFailures(ip: string, email: string): Promise<void> {
  await limiter().delete(keyOf(ip, email));
}
