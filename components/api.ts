// The browser side of the agent API: JSON in and out, failures as ApiRequestError with the
// contract's error code, so components can tell a 409 claim conflict from the rest.
import type { ApiError, ErrorCode } from '@/lib/contracts/errors';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** A call of the agent API (`/api/v1/agent…`). */
export const apiFetch = <T>(path: string, init: FetchInit = {}) =>
  requestJson<T>(`/api/v1/agent${path}`, init);

/** A call of the admin API (`/api/v1/admin…`) with the admin's session. */
export const adminFetch = <T>(path: string, init: FetchInit = {}) =>
  requestJson<T>(`/api/v1/admin${path}`, init);

async function requestJson<T>(url: string, init: FetchInit): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    // A FormData body (an upload) sets its own multipart Content-Type.
    headers:
      init.body === undefined || init.body instanceof FormData
        ? {}
        : { 'Content-Type': 'application/json' },
    body:
      init.body === undefined || init.body instanceof FormData
        ? (init.body as FormData | undefined)
        : JSON.stringify(init.body),
    credentials: 'same-origin',
    signal: init.signal,
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as (T & Partial<ApiError>) | null;
  if (!response.ok) {
    const error = body?.error;
    if (response.status === 401 && typeof window !== 'undefined') {
      window.location.assign('/login');
    }
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `Request failed (${response.status})`,
    );
  }
  return body as T;
}

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong';
