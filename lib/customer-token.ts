// Customer tokens: signed with jose, bound to one conversation, revoked by bumping the
// conversation's token version. They carry no expiry: a visitor may come back months later.
import { createHash } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { env } from './env';
import { AppError } from './errors';

const AUDIENCE = 'parley:customer';

function key(): Uint8Array {
  return createHash('sha256').update(`parley customer token\0${env().authSecret}`).digest();
}

export async function signCustomerToken(conversationId: string, version: number): Promise<string> {
  return new SignJWT({ v: version })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(conversationId)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .sign(key());
}

export interface CustomerClaims {
  conversationId: string;
  version: number;
}

/** Verifies signature, audience and (if present) expiry; throws 401 `unauthorized`. */
export async function verifyCustomerToken(token: string): Promise<CustomerClaims> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.v !== 'number') {
      throw new AppError('unauthorized', 'Malformed token');
    }
    return { conversationId: payload.sub, version: payload.v };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const expired = error instanceof errors.JWTExpired;
    throw new AppError('unauthorized', expired ? 'Token has expired' : 'Invalid token');
  }
}
