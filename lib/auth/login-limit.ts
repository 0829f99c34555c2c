// Sign-in attempts are limited three ways, counting failures only (a success clears the
// pair's slate, so a team behind one NAT is not locked out by one person's typos):
// - per IP and email: one person guessing at one account;
// - per email, from anywhere: a botnet guessing at one account;
// - per IP, across emails: one address spraying a common password over many accounts.
// Unknown emails count like real ones, so the limits say nothing about who has an account.
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { processSingleton } from '../singleton';

export const LOGIN_FAILURES_ALLOWED = 5;
export const ACCOUNT_FAILURES_ALLOWED = 20;
export const IP_FAILURES_ALLOWED = 30;
const WINDOW_SECONDS = 15 * 60;

const limiters = () =>
  processSingleton('login-limiters', () => ({
    pair: new RateLimiterMemory({
      keyPrefix: 'login:pair',
      points: LOGIN_FAILURES_ALLOWED,
      duration: WINDOW_SECONDS,
    }),
    account: new RateLimiterMemory({
      keyPrefix: 'login:account',
      points: ACCOUNT_FAILURES_ALLOWED,
      duration: WINDOW_SECONDS,
    }),
    ip: new RateLimiterMemory({
      keyPrefix: 'login:ip',
      points: IP_FAILURES_ALLOWED,
      duration: WINDOW_SECONDS,
    }),
  }));

const normalized = (email: string) => email.trim().toLowerCase();

function keysOf(ip: string, email: string) {
  const account = normalized(email);
  return { pair: `${ip}|${account}`, account, ip };
}

/** Throws 429 `rate_limited` once any of the three budgets is used up. */
export async function assertLoginAllowed(ip: string, email: string): Promise<void> {
  const keys = keysOf(ip, email);
  const { pair, account, ip: byIp } = limiters();
  const states = await Promise.all([
    pair.get(keys.pair),
    account.get(keys.account),
    byIp.get(keys.ip),
  ]);
  const spent = states.filter(
    (state): state is RateLimiterRes => state !== null && state.remainingPoints <= 0,
  );
  if (spent.length === 0) return;
  const seconds = Math.max(1, Math.ceil(Math.max(...spent.map((s) => s.msBeforeNext)) / 1000));
  throw new AppError(
    'rate_limited',
    `Too many sign-in attempts; try again in ${seconds} s`,
    seconds,
  );
}

export async function recordLoginFailure(ip: string, email: string): Promise<void> {
  const keys = keysOf(ip, email);
  const { pair, account, ip: byIp } = limiters();
  await Promise.all([
    pair.consume(keys.pair).catch(() => undefined),
    account.consume(keys.account).catch(() => undefined),
    byIp.consume(keys.ip).catch(() => undefined),
  ]);
}

export async function clearLoginFailures(ip: string, email: string): Promise<void> {
  await limiters().pair.delete(keysOf(ip, email).pair);
}
