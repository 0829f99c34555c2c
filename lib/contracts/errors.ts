// The error vocabulary shared by every edge (HTTP, sockets) and every client.

export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  blocked: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiError {
  error: { code: ErrorCode; message: string };
}

/** A socket acknowledgement: the same codes as HTTP, in `{ok, error}` form. */
export type Ack<T> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ErrorCode; message: string } };
