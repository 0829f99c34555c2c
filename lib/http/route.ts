// The four steps every route handler takes (parse, authorise, call, respond) share this:
// body and query parsing with the contract schemas, and one error shape for every failure.
import type { z } from 'zod';
import type { ApiError } from '../contracts/errors';
import { sanitizeInput } from '../contracts/fields';
import { MAX_TEXT_LENGTH } from '../contracts/text';
import { appErrorFromDatabase } from '../db/errors';
import { AppError } from '../errors';
import { logger } from '../log';
import { corsHeaders, isOriginAllowed } from './cors';

const MAX_BODY_BYTES = 64 * 1024;

export interface RouteOptions {
  /** Customer API: answers CORS for the allowed widget origins. */
  cors?: boolean;
}

type Handler<P> = (request: Request, params: P) => Promise<Response>;
type NextContext<P> = { params: Promise<P> };

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

/** Wraps a handler with error mapping (and CORS for the customer API). */
export function route<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, context?: NextContext<P>): Promise<Response> => {
    const origin = request.headers.get('origin');
    let response: Response;
    if (options.cors && origin && !isOriginAllowed(origin)) {
      response = errorResponse(new AppError('forbidden', `Origin ${origin} is not allowed`));
    } else {
      try {
        response = await handler(request, (await context?.params) ?? ({} as P));
      } catch (error) {
        response = errorResponse(error);
      }
    }
    if (options.cors) {
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
 * The body as text, given up as soon as it passes the limit: a chunked upload declares no
 * length, and reading it whole first would let one request fill the server's memory.
 */
async function readBoundedText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

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
