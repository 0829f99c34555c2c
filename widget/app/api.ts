// The customer REST API (DESIGN §6), used for starting conversations, history and catch-up,
// and as the transport when WebSockets are unavailable.
import type { CustomerSendPayload } from '../../lib/contracts/customer-events';
import type {
  ConversationHistoryResponse,
  CustomerConversation,
  Message,
  StartConversationResponse,
  WidgetConfig,
} from '../../lib/contracts/dto';

/** A failed request: `code` is DESIGN §6's error code, or `network` when nothing answered. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface StartInput {
  departmentId?: string;
  name?: string;
  fields?: Record<string, string | boolean>;
  visitorId: string;
  page: { url: string; title: string; referrer: string };
  locale: string;
  /** `Parley('identify', {token})`: the site's signed identity token. */
  identityToken?: string;
}

export class Api {
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  async #request<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.#base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new RequestError(0, 'network', 'Network error');
    }
    const json = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
      throw new RequestError(
        response.status,
        json?.error?.code ?? (response.status >= 500 ? 'unavailable' : 'error'),
        json?.error?.message ?? response.statusText,
        retryAfter,
      );
    }
    return json as T;
  }

  config(locale: string): Promise<WidgetConfig> {
    return this.#request('GET', `/api/v1/widget/config?locale=${encodeURIComponent(locale)}`);
  }

  start(input: StartInput): Promise<StartConversationResponse> {
    return this.#request('POST', '/api/v1/conversations', undefined, input);
  }

  history(id: string, token: string, after: number): Promise<ConversationHistoryResponse> {
    const query = after > 0 ? `?after=${after}` : '';
    return this.#request('GET', `/api/v1/conversations/${id}${query}`, token);
  }

  send(id: string, token: string, payload: CustomerSendPayload): Promise<{ message: Message }> {
    return this.#request('POST', `/api/v1/conversations/${id}/messages`, token, payload);
  }

  rename(id: string, token: string, name: string): Promise<{ conversation: CustomerConversation }> {
    return this.#request('PATCH', `/api/v1/conversations/${id}`, token, { name });
  }
}

/** Errors that mean the stored token can never work again. */
export function isRejected(code: string): boolean {
  return code === 'unauthorized' || code === 'forbidden' || code === 'not_found';
}

/** Errors worth retrying later without the visitor doing anything. */
export function isTransient(error: RequestError): boolean {
  return (
    ['network', 'timeout', 'disconnected', 'internal', 'unavailable'].includes(error.code) ||
    error.status >= 500
  );
}

export function asRequestError(error: unknown): RequestError {
  return error instanceof RequestError ? error : new RequestError(0, 'network', String(error));
}
