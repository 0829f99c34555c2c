// Creates an API token: a random secret shown once, stored only as its SHA-256.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { writeAudit } from '../audit/write-audit';
import {
  API_TOKEN_PREFIX,
  type CreateApiTokenInput,
  type CreatedApiToken,
} from '../contracts/api-tokens';
import { apiTokens } from '../db/schema';
import { inTransaction } from '../db/transaction';
import { sha256Hex } from '../sha256';
import { presentApiToken, selectApiTokens } from './present';

/** 32 random bytes (256 bits) behind a prefix that secret scanners and people recognise. */
const newSecret = () => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export const hashApiToken = sha256Hex;

export async function createApiToken(
  input: CreateApiTokenInput,
  actor: Actor,
): Promise<CreatedApiToken> {
  const token = newSecret();
  return inTransaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        tokenHash: hashApiToken(token),
        last4: token.slice(-4),
        createdBy: actor.type === 'agent' ? actor.agentId : null,
      })
      .returning({ id: apiTokens.id });
    const [row] = await selectApiTokens(tx).where(eq(apiTokens.id, inserted!.id));
    const apiToken = presentApiToken(row!);
    await writeAudit(tx, actor, 'api_token.created', null, {
      apiTokenId: apiToken.id,
      name: apiToken.name,
      last4: apiToken.last4,
    });
    return { token, apiToken };
  });
}
