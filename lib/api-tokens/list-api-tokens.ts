// Every API token, newest first, revoked ones included (they stay listed as revoked).
import { desc } from 'drizzle-orm';
import type { ApiToken } from '../contracts/api-tokens';
import { db } from '../db/client';
import { apiTokens } from '../db/schema';
import { presentApiToken, selectApiTokens } from './present';

export async function listApiTokens(): Promise<ApiToken[]> {
  const rows = await selectApiTokens(db()).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(presentApiToken);
}
