import { authenticateTokenManager } from '@/lib/api-tokens/authenticate-token-manager';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { apiTokenIdSchema } from '@/lib/contracts/api-tokens';
import { json, parse, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const DELETE = route<{ id: string }>(async (request, params) => {
  const actor = await authenticateTokenManager(request);
  const id = parse(apiTokenIdSchema, params.id);
  return json({ apiToken: await revokeApiToken(id, actor) });
});
