// The webhook's shared secret, compared in constant time (hashing first makes the lengths
// equal, so not even the length leaks).
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function webhookSecretMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
