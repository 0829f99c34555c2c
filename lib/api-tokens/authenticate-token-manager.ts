// Who may manage API tokens: the service token or an admin's session, never an API token.
// A leaked integration token must not be able to mint itself successors or revoke the
// tokens of other integrations, so the credential that manages credentials stays the
// operator's (SERVICE_TOKEN) or a person's.
import type { Actor } from '../actor';
import { bearerToken } from '../customer-auth';
import { env } from '../env';
import { AppError } from '../errors';
import { authenticateAdmin, safeEqual } from '../http/admin-auth';

export async function authenticateTokenManager(request: Request): Promise<Actor> {
  const actor = await authenticateAdmin(request);
  const bearer = bearerToken(request.headers.get('authorization'));
  const { serviceToken } = env();
  if (bearer && !(serviceToken && safeEqual(bearer, serviceToken))) {
    throw new AppError(
      'forbidden',
      'API tokens cannot manage API tokens; use the service token or an admin session',
    );
  }
  return actor;
}
