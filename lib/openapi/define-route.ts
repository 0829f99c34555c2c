// One documented HTTP route: what the OpenAPI document is generated from. The schemas are
// the same zod schemas the handlers parse with (and, for responses, the ones their DTO
// types are checked against), so the document describes what the code does.
import { z } from 'zod';
import type { ErrorCode } from '../contracts/errors';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route; each kind maps to security requirements in the document. */
export type RouteAuth =
  | 'none'
  /** The conversation's bearer token from `POST /api/v1/conversations`. */
  | 'customer'
  /** A signed-in agent's session cookie. */
  | 'agent'
  /** A signed-in admin's session cookie (an agent's session gets 403). */
  | 'admin-session'
  /** `SERVICE_TOKEN` or an API token as Bearer, or an admin's session. */
  | 'admin'
  /** `SERVICE_TOKEN` as Bearer or an admin's session; API tokens get 403. */
  | 'token-manager'
  /** Telegram's `X-Telegram-Bot-Api-Secret-Token` header. */
  | 'telegram'
  /** The inbound email secret (EMAIL_INBOUND_SECRET) as Bearer, basic auth or `?secret=`. */
  | 'inbound-email';

/** A body the browser saves as a file: sent with `Content-Disposition: attachment`. */
export interface FileResponse {
  file: 'text/csv' | 'application/json';
  schema: z.ZodType;
  /** What the file holds, e.g. its columns. */
  description: string;
}

export const fileResponse = (
  file: FileResponse['file'],
  schema: z.ZodType,
  description: string,
): FileResponse => ({ file, schema, description });

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/conversations/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: RouteAuth;
  /** Answers CORS preflights (`OPTIONS`) for the widget's allowed origins. */
  cors?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A multipart/form-data upload with one binary field `file`, instead of a JSON body. */
  upload?: true;
  /** The 200 answer is a file's bytes (its type in Content-Type), not JSON. */
  download?: true;
  /** The body may be left out: no body at all reads as `{}`. */
  bodyOptional?: boolean;
  /** Success statuses and their bodies; `null` for a response without a body. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 503, z.ZodType | FileResponse | null>>;
  /**
   * Failures beyond the ones implied by the route (400 for any input, 413 for a body,
   * 401/403 for an authenticated route, 404 for a path parameter).
   */
  errors?: ErrorCode[];
}

/** Identity, typed: a registry entry reads as one object literal. */
export const defineRoute = (route: ApiRoute): ApiRoute => route;

/** The path parameters of a route under `…/{id}`. */
export const byId = z.object({ id: z.uuid() });
