// Authorises a customer request: a valid token, for this conversation, not revoked.
import { eq } from 'drizzle-orm';
import { type CustomerClaims, verifyCustomerToken } from './customer-token';
import { db } from './db/client';
import { conversations } from './db/schema';
import { AppError, notFound } from './errors';

export function bearerToken(header: string | null | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/**
 * Checks the token and, when `conversationId` is given, that the token belongs to it.
 * 401 for a missing, forged, expired or revoked token; 403 for another conversation's
 * token; 404 when the conversation no longer exists.
 */
export async function authenticateCustomer(
  token: string | undefined,
  conversationId?: string,
): Promise<CustomerClaims> {
  if (!token) throw new AppError('unauthorized', 'A customer token is required');
  const claims = await verifyCustomerToken(token);
  if (conversationId && claims.conversationId !== conversationId) {
    throw new AppError('forbidden', 'This token belongs to another conversation');
  }
  const [row] = await db()
    .select({ tokenVersion: conversations.tokenVersion })
    .from(conversations)
    .where(eq(conversations.id, claims.conversationId));
  if (!row) throw notFound('Conversation');
  if (row.tokenVersion !== claims.version) {
    throw new AppError('unauthorized', 'This token has been revoked');
  }
  return claims;
}
