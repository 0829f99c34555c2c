// Identity verification (DESIGN §8): a site whose visitors are signed in hands the widget an
// HS256 JWT signed with WIDGET_IDENTITY_SECRET (`sub` = the site's user id, optional `email`
// and `name`, `exp` at most 24 h ahead). A valid token makes the conversation's identity
// verified; an expired, foreign or wrongly signed one is refused with 401.
import { errors, jwtVerify } from 'jose';
import type { VerifiedIdentity } from '../db/schema';
import { env } from '../env';
import { AppError } from '../errors';

export const MAX_IDENTITY_LIFETIME_SECONDS = 24 * 3600;
// Clocks differ a little between the site's backend and Parley.
const CLOCK_SKEW_SECONDS = 60;

const refused = (message: string) => new AppError('unauthorized', message);

export async function verifyIdentityToken(token: string): Promise<VerifiedIdentity> {
  const secret = env().widgetIdentitySecret;
  if (!secret) throw refused('Identity verification is not set up on this server');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw refused('The identity token has expired');
    throw refused('The identity token is not valid');
  }
  const now = Math.floor(Date.now() / 1000);
  if (Number(payload.exp) - now > MAX_IDENTITY_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw refused('The identity token may be valid for 24 hours at most');
  }
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 256) {
    throw refused('The identity token has no usable sub');
  }
  const identity: VerifiedIdentity = { sub };
  if (typeof payload.email === 'string' && payload.email.length <= 254)
    identity.email = payload.email;
  if (typeof payload.name === 'string' && payload.name.length <= 64) identity.name = payload.name;
  return identity;
}
