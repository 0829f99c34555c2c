// Who may call the admin API: the SERVICE_TOKEN or an API token (as Bearer), or a signed-in
// admin's session; an agent's session is refused with 403.
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, serviceActor } from '../actor';
import { agentActor, authenticateAdminRequest } from '../auth/request-auth';
import { bearerToken } from '../customer-auth';
import { db } from '../db/client';
import { apiTokens } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export function safeEqual(a: string, b: string): boolean {
  // Hashing first makes the comparison constant-time whatever the lengths.
  return timingSafeEqual(sha256(a), sha256(b));
}

export async function authenticateAdmin(request: Request): Promise<Actor> {
  const token = bearerToken(request.headers.get('authorization'));
  if (!token) {
    if (request.headers.get('cookie')) return agentActor(await authenticateAdminRequest(request));
    throw new AppError('unauthorized', 'A bearer token or an admin session is required');
  }
  const { serviceToken } = env();
  if (serviceToken && safeEqual(token, serviceToken)) return serviceActor;
  const [apiToken] = await db()
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, sha256(token).toString('hex')), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (apiToken) return { type: 'service', apiTokenId: apiToken.id };
  throw new AppError('unauthorized', 'Invalid or revoked token');
}
