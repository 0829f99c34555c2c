// Shared by the API tests: requests as the custom server hands them to route handlers, and
// the one error shape every failure must have.
import { expect } from 'vitest';

export interface Call {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export function apiRequest(method: string, path: string, { body, token, headers }: Call = {}) {
  return new Request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers: {
      // The custom server always sets this from the socket's address.
      'x-parley-client-ip': '203.0.113.7',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The second argument Next passes to a dynamic route handler. */
export const routeParams = <P extends Record<string, string>>(params: P) => ({
  params: Promise.resolve(params),
});

/** Asserts the one error shape of the API: `{error: {code, message}}` and nothing else. */
export async function expectError(response: Response, status: number, code: string) {
  const body = await response.json();
  expect({ status: response.status, body }).toEqual({
    status,
    body: { error: { code, message: expect.stringMatching(/\S/) } },
  });
}
