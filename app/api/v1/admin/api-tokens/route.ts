import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { listApiTokens } from '@/lib/api-tokens/list-api-tokens';
import { CREDENTIAL_MANAGERS } from '@/lib/auth/callers';
import { createApiTokenSchema } from '@/lib/contracts/api-tokens';
import { json, readJson, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route({ auth: CREDENTIAL_MANAGERS }, async () =>
  json({ apiTokens: await listApiTokens() }),
);

export const POST = route({ auth: CREDENTIAL_MANAGERS }, async ({ request, caller }) => {
  const input = await readJson(request, createApiTokenSchema);
  return json(await createApiToken(input, caller.actor), 201);
});
