// Revokes an API token: the admin API refuses it (401) from the next request on, because
// every request looks the hash up together with `revoked_at is null`.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import type { ApiToken } from '../contracts/api-tokens';
import { apiTokens } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { presentApiToken, selectApiTokens } from './present';

export async function revokeApiToken(id: string, actor: Actor): Promise<ApiToken> {
  return inTransaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    const [row] = await selectApiTokens(tx).where(eq(apiTokens.id, id));
    if (!row) throw notFound('API token');
    if (revoked.length === 0) throw conflict('This API token is already revoked');
    const apiToken = presentApiToken(row);
    await writeAudit(tx, actor, 'api_token.revoked', null, {
      apiTokenId: apiToken.id,
      name: apiToken.name,
      last4: apiToken.last4,
    });
    return apiToken;
  });
}
