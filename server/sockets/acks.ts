// Socket edges answer with the same error codes as HTTP.
import type { Ack } from '@/lib/contracts/errors';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';

export function ackError(error: unknown): Extract<Ack<never>, { ok: false }> {
  if (error instanceof AppError) return { ok: false, error: error.toJSON() };
  logger().error({ err: error }, 'unhandled error in socket handler');
  return { ok: false, error: { code: 'internal', message: 'Something went wrong' } };
}

/** A refused connection: `connect_error.message` is the code, `data` the full error. */
export function connectError(error: unknown): Error {
  const { error: detail } = ackError(error);
  return Object.assign(new Error(detail.code), { data: detail });
}
