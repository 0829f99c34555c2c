import { authenticateTokenManager } from '@/lib/api-tokens/authenticate-token-manager';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { listApiTokens } from '@/lib/api-tokens/list-api-tokens';
import { createApiTokenSchema } from '@/lib/contracts/api-tokens';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  await authenticateTokenManager(request);
  return json({ apiTokens: await listApiTokens() });
});

export const POST = route(async (request) => {
  const actor = await authenticateTokenManager(request);
  const input = await readJson(request, createApiTokenSchema);
  return json(await createApiToken(input, actor), 201);
});
