// Socket edges answer with the same error codes as HTTP.
import type { Ack } from '@/lib/contracts/errors';
import { toAppError } from '@/lib/http/route';

export function ackError(error: unknown): Extract<Ack<never>, { ok: false }> {
  return { ok: false, error: toAppError(error, 'socket handler').toJSON() };
}

/** A refused connection: `connect_error.message` is the code, `data` the full error. */
export function connectError(error: unknown): Error {
  const { error: detail } = ackError(error);
  return Object.assign(new Error(detail.code), { data: detail });
}
