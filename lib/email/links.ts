// The signed values Parley's email carries: the link that reopens a conversation in the
// widget (a fragment the loader reads and trades for a customer token), the unsubscribe link,
// and the plus-addressed Reply-To that routes a reply back to its conversation.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { env } from '../env';
import { AppError } from '../errors';

const RESUME_AUDIENCE = 'parley:resume';
const UNSUBSCRIBE_AUDIENCE = 'parley:unsubscribe';
/** A reopen link works this long; the customer token it gives has no expiry of its own. */
const RESUME_TTL = '30d';

/** The fragment key the loader looks for: `page#parley-resume=<token>`. */
export const RESUME_FRAGMENT = 'parley-resume';

const key = (purpose: string) =>
  createHash('sha256').update(`parley ${purpose}\0${env().authSecret}`).digest();

export async function signResumeToken(conversationId: string, version: number): Promise<string> {
  return new SignJWT({ v: version })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(conversationId)
    .setAudience(RESUME_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(RESUME_TTL)
    .sign(key('resume link'));
}

export async function verifyResumeToken(
  token: string,
): Promise<{ conversationId: string; version: number }> {
  try {
    const { payload } = await jwtVerify(token, key('resume link'), {
      audience: RESUME_AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.v !== 'number') throw new Error();
    return { conversationId: payload.sub, version: payload.v };
  } catch {
    throw new AppError('unauthorized', 'This link has expired or is not valid');
  }
}

export async function signUnsubscribeToken(address: string, conversationId: string) {
  return new SignJWT({ a: address.toLowerCase() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(conversationId)
    .setAudience(UNSUBSCRIBE_AUDIENCE)
    .sign(key('unsubscribe link'));
}

export async function verifyUnsubscribeToken(
  token: string,
): Promise<{ address: string; conversationId: string }> {
  try {
    const { payload } = await jwtVerify(token, key('unsubscribe link'), {
      audience: UNSUBSCRIBE_AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.a !== 'string') throw new Error();
    return { address: payload.a, conversationId: payload.sub };
  } catch {
    throw new AppError('unauthorized', 'This unsubscribe link is not valid');
  }
}

// ---- Reply-To: local+<conversation id in hex><mac>@domain ----

const MAC_LENGTH = 12;

const replyMac = (hexId: string) =>
  createHmac('sha256', key('reply address')).update(hexId).digest('hex').slice(0, MAC_LENGTH);

/** `support@example.com` → `support+<token>@example.com` for this conversation. */
export function replyAddressFor(base: string, conversationId: string): string {
  const at = base.lastIndexOf('@');
  const hexId = conversationId.replace(/-/g, '').toLowerCase();
  return `${base.slice(0, at)}+${hexId}${replyMac(hexId)}@${base.slice(at + 1)}`;
}

const TOKEN = new RegExp(`\\+([0-9a-f]{32})([0-9a-f]{${MAC_LENGTH}})@`, 'i');

/** The conversation a reply was sent to, from the first recipient with a valid token. */
export function conversationOfReplyAddress(addresses: string[]): string | null {
  for (const address of addresses) {
    const match = TOKEN.exec(address);
    if (!match) continue;
    const hexId = match[1]!.toLowerCase();
    const given = Buffer.from(match[2]!.toLowerCase());
    const expected = Buffer.from(replyMac(hexId));
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      return hexId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    }
  }
  return null;
}
