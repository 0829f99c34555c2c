import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { CREDENTIAL_MANAGERS } from '@/lib/auth/callers';
import { idParams } from '@/lib/contracts/params';
import { json, route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const DELETE = route(
  { auth: CREDENTIAL_MANAGERS, params: idParams },
  async ({ params, caller }) => json({ apiToken: await revokeApiToken(params.id, caller.actor) }),
);
