// The four steps every route handler takes (parse, authorise, call, respond) share this:
// body and query parsing with the contract schemas, and one error shape for every failure.

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { type CallerKind, type CallerOf, resolveCaller } from '../auth/callers';
import type { ApiError } from '../contracts/errors';
import { sanitizeInput } from '../contracts/fields';
import { MAX_TEXT_LENGTH } from '../contracts/text';
import { appErrorFromDatabase, unavailable } from '../db/errors';
import { AppError } from '../errors';
import { logger } from '../log';
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from '../request-context';
import { corsHeaders, isOriginAllowed } from './cors';

const MAX_BODY_BYTES = 64 * 1024;

/** Who may call a route: `public`, or the caller kinds of lib/auth/callers.ts. */
export type RouteAuth = 'public' | CallerKind;

export interface RouteSpec<K extends RouteAuth, P extends z.ZodType | undefined> {
  auth: K | readonly K[];
  /** The path parameters' schema, parsed before the caller is authorised (400 first). */
  params?: P;
  /** Customer API: answers CORS for the allowed widget origins. */
  cors?: boolean;
  /**
   * Milliseconds after which a handler still waiting (on a database that does not answer)
   * is answered 503 `unavailable`; `false` for a route that calls out on purpose.
   */
  deadlineMs?: number | false;
}

export type PublicCaller = { kind: 'public' };

export interface RouteContext<K extends RouteAuth, P extends z.ZodType | undefined> {
  request: Request;
  params: P extends z.ZodType ? z.output<P> : Record<string, never>;
  caller: K extends CallerKind ? CallerOf<K> : PublicCaller;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** Long enough for any honest query, short enough that a client is told within seconds. */
export const REQUEST_DEADLINE_MS = 6000;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/**
 * The API error for anything a handler threw: its own AppError, a database error mapped by
 * SQLSTATE (logged once with its code), or 500 for a bug.
 */
export function toAppError(error: unknown, where: string): AppError {
  if (error instanceof AppError) return error;
  const mapped = appErrorFromDatabase(error);
  if (mapped) {
    const level = mapped.code === 'unavailable' ? 'warn' : 'info';
    logger()[level]({ err: error }, `database refused a request in ${where}`);
    return mapped;
  }
  logger().error({ err: error }, `unhandled error in ${where}`);
  return new AppError('internal', 'Something went wrong');
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error, 'route handler');
  const body: ApiError = { error: appError.toJSON() };
  const headers: Record<string, string> =
    appError.retryAfterSeconds !== undefined
      ? { 'Retry-After': String(appError.retryAfterSeconds) }
      : {};
  return json(body, appError.status, headers);
}

/**
 * The work's result, or 503 `unavailable` once `ms` have passed (a database that does not
 * answer). The work itself goes on and settles unobserved; nothing was acknowledged.
 */
export async function withinDeadline<T>(work: Promise<T>, ms = REQUEST_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable()), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A route handler: parses the path parameters, resolves the caller among the kinds the
 * route accepts, runs the handler within its deadline, and maps every failure to the one
 * error shape (with CORS for the customer API).
 */
export function route<K extends RouteAuth, P extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<K, P>,
  handler: (context: RouteContext<K, P>) => Promise<Response>,
) {
  const kinds = (Array.isArray(spec.auth) ? spec.auth : [spec.auth]) as readonly K[];
  const callerKinds = kinds.filter((kind): kind is Extract<K, CallerKind> => kind !== 'public');
  const deadlineMs = spec.deadlineMs ?? REQUEST_DEADLINE_MS;

  const run = async (request: Request, context?: NextContext): Promise<Response> => {
    const raw = (await context?.params) ?? {};
    const params = (spec.params ? parse(spec.params, raw) : {}) as RouteContext<K, P>['params'];
    const conversationId =
      typeof (params as { id?: unknown }).id === 'string'
        ? (params as { id: string }).id
        : undefined;
    const caller = (
      callerKinds.length === kinds.length
        ? await resolveCaller(request, callerKinds, conversationId)
        : { kind: 'public' }
    ) as RouteContext<K, P>['caller'];
    return handler({ request, params, caller });
  };

  return async (request: Request, context?: NextContext): Promise<Response> => {
    const origin = request.headers.get('origin');
    let response: Response;
    if (spec.cors && origin && !isOriginAllowed(origin)) {
      response = errorResponse(new AppError('forbidden', `Origin ${origin} is not allowed`));
    } else {
      const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER), randomUUID);
      response = await requestContext().run({ requestId }, async () => {
        try {
          const work = run(request, context);
          return deadlineMs === false ? await work : await withinDeadline(work, deadlineMs);
        } catch (error) {
          return errorResponse(error);
        }
      });
    }
    if (spec.cors) {
      for (const [name, value] of Object.entries(corsHeaders(origin))) {
        response.headers.set(name, value);
      }
    }
    return response;
  };
}

/** The CORS preflight answer for customer API routes. */
export function preflight(request: Request): Response {
  const origin = request.headers.get('origin');
  if (!isOriginAllowed(origin)) {
    return errorResponse(new AppError('forbidden', `Origin ${origin} is not allowed`));
  }
  return new Response(null, { status: 204, headers: corsHeaders(origin) });
}

/**
 * Validates client input against its contract, after cleaning every string in it (control
 * characters, lone surrogates): the one way edges read what clients send.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(sanitizeInput(input));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.map(String).join('.').slice(0, 100)}: ` : '';
  if (
    issue.code === 'too_big' &&
    issue.origin === 'string' &&
    Number(issue.maximum) >= MAX_TEXT_LENGTH
  ) {
    throw new AppError('too_large', `${where}${issue.message}`);
  }
  throw new AppError('invalid_request', `${where}${issue.message}`);
}

/** The same for a signal with no answer to give (typing, presence): invalid is ignored. */
export function parseQuietly<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.output<S> | undefined {
  const result = schema.safeParse(sanitizeInput(input));
  return result.success ? result.data : undefined;
}

const bodyTooLarge = () => new AppError('too_large', 'Request body is too large');

/**
 * The body's bytes, given up as soon as they pass the limit: a chunked upload declares no
 * length, and reading it whole first would let one request fill the server's memory.
 */
export async function readBoundedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw bodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const readBoundedText = async (request: Request) =>
  new TextDecoder().decode(await readBoundedBody(request));

/** Reads a JSON body of bounded size and validates it. */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw bodyTooLarge();
  const raw = await readBoundedText(request);
  // An endpoint whose body is optional treats no body at all as `{}`.
  if (options.optional && raw.trim() === '') return parse(schema, {});
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new AppError('invalid_request', 'Body is not valid JSON');
  }
  return parse(schema, body);
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
