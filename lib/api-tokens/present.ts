// Turns api_tokens rows into the DTO the admin API sends; the hash never leaves this module.
import { eq } from 'drizzle-orm';
import type { ApiToken } from '../contracts/api-tokens';
import type { Queryable } from '../db/client';
import { agents, apiTokens } from '../db/schema';

export const apiTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  last4: apiTokens.last4,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  creatorId: agents.id,
  creatorName: agents.name,
};

/** Tokens with their creators' names; `where` narrows the rows. */
export function selectApiTokens(database: Queryable) {
  return database
    .select(apiTokenColumns)
    .from(apiTokens)
    .leftJoin(agents, eq(agents.id, apiTokens.createdBy));
}

type ApiTokenListRow = Awaited<ReturnType<typeof selectApiTokens>>[number];

export function presentApiToken(row: ApiTokenListRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    last4: row.last4,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdBy:
      row.creatorId && row.creatorName ? { id: row.creatorId, name: row.creatorName } : null,
  };
}
