// Who may follow a download link besides holding it: a customer link works while the
// conversation's token is at the version it was signed for (and, when the request carries
// a customer token, only that conversation's); an agents' link also needs an agent's
// session or an admin API token.
import { eq } from 'drizzle-orm';
import { authenticateCustomer, bearerToken, resolveCaller } from '../auth/callers';
import { db } from '../db/client';
import { conversations } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Viewer } from './signed-url';

export async function authorizeDownload(
  request: Request,
  conversationId: string,
  viewer: Viewer,
): Promise<void> {
  const token = bearerToken(request.headers.get('authorization'));
  if (viewer.kind === 'agents') {
    await resolveCaller(request, ['agent', 'service', 'apiToken']);
    return;
  }
  if (token) await authenticateCustomer(token, conversationId);
  const [row] = await db()
    .select({ tokenVersion: conversations.tokenVersion })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) throw notFound('Conversation');
  if (row.tokenVersion !== viewer.tokenVersion) {
    throw new AppError('forbidden', 'This link has been revoked');
  }
}
