// Download links: signed with the auth secret (HMAC-SHA256), expiring, and bound to who
// may use them — the conversation's customer (at the current token version, so blocking or
// revoking the token ends the links too) or agents (who must also be signed in). Links are
// stable for an hour at a time, so browsers can cache what they show.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ATTACHMENT_LINK_LIFETIME_MS } from '../contracts/attachments';
import { env } from '../env';
import { AppError } from '../errors';

export type Viewer = { kind: 'customer'; tokenVersion: number } | { kind: 'agents' };
export type Variant = 'file' | 'thumb';

const LIFETIME_SECONDS = ATTACHMENT_LINK_LIFETIME_MS / 1000;
const STEP_SECONDS = 3600;

function key(): Buffer {
  return createHash('sha256').update(`parley attachment link\0${env().authSecret}`).digest();
}

const audienceOf = (viewer: Viewer) =>
  viewer.kind === 'customer' ? `customer.${viewer.tokenVersion}` : 'agents';

function signature(parts: {
  conversationId: string;
  attachmentId: string;
  variant: Variant;
  audience: string;
  expires: number;
}): string {
  const message = [
    parts.conversationId,
    parts.attachmentId,
    parts.variant,
    parts.audience,
    parts.expires,
  ].join('\n');
  return createHmac('sha256', key()).update(message).digest('base64url');
}

export function attachmentUrl(
  conversationId: string,
  attachmentId: string,
  variant: Variant,
  viewer: Viewer,
  now: number = Date.now(),
): string {
  const expires = Math.ceil(now / 1000 / STEP_SECONDS) * STEP_SECONDS + LIFETIME_SECONDS;
  const audience = audienceOf(viewer);
  const query = new URLSearchParams({
    ...(variant === 'thumb' ? { variant } : {}),
    for: audience,
    expires: String(expires),
    signature: signature({ conversationId, attachmentId, variant, audience, expires }),
  });
  return `${env().publicUrl}/api/v1/conversations/${conversationId}/attachments/${attachmentId}?${query}`;
}

export interface LinkQuery {
  variant: Variant;
  for: string;
  expires: number;
  signature: string;
}

/** Who the link was made for; 403 for a forged, altered or expired link. */
export function verifyAttachmentLink(
  conversationId: string,
  attachmentId: string,
  query: LinkQuery,
  now: number = Date.now(),
): Viewer {
  const expected = Buffer.from(
    signature({
      conversationId,
      attachmentId,
      variant: query.variant,
      audience: query.for,
      expires: query.expires,
    }),
  );
  const given = Buffer.from(query.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError('forbidden', 'This link is not valid');
  }
  if (query.expires * 1000 <= now) throw new AppError('forbidden', 'This link has expired');
  if (query.for === 'agents') return { kind: 'agents' };
  const version = Number(query.for.slice('customer.'.length));
  return { kind: 'customer', tokenVersion: version };
}
