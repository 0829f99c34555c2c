// API tokens: credentials for scripts and integrations on the admin API.
import { z } from 'zod';
import { lineString, uuidSchema } from './fields';

export const API_TOKEN_PREFIX = 'pk_';

export const createApiTokenSchema = z.strictObject({
  name: lineString(64, 'Name').min(1, 'Name is required'),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const apiTokenIdSchema = uuidSchema;

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The secret's last four characters, to tell tokens apart; the secret is never stored. */
    last4: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The admin who created it; null when it was the service token (or the admin is gone). */
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = z.object({
  /** The secret, shown this once: only its SHA-256 is kept. */
  token: z.string().startsWith(API_TOKEN_PREFIX),
  apiToken: apiTokenSchema,
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

export const apiTokenListSchema = z.object({ apiTokens: z.array(apiTokenSchema) });
export const apiTokenResponseSchema = z.object({ apiToken: apiTokenSchema });
