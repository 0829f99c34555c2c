// The security headers of every response, pages and assets alike (DESIGN §8): a
// Content-Security-Policy whose only inline scripts are those carrying this request's nonce
// (Next puts it on its own), frames only where a page is meant to be framed, nosniff, the
// referrer policy, and HSTS when Parley is served over https.
import { randomBytes } from 'node:crypto';
import { ERROR_STATUS, type ErrorCode } from '../contracts/errors';

/** Paths that Parley's own pages frame (the console's live preview of the widget). */
const FRAMED_BY_SELF = ['/admin/widget/preview'];

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface SecurityHeaderOptions {
  nonce: string;
  path: string;
  /** PUBLIC_URL is https: HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** Next's development server needs eval for hot reload. */
  dev?: boolean;
}

export function contentSecurityPolicy({ nonce, path, https, dev }: SecurityHeaderOptions): string {
  const framed = FRAMED_BY_SELF.some((prefix) => path === prefix || path.startsWith(`${prefix}?`));
  return [
    "default-src 'self'",
    // Same-origin files (Next's chunks, the widget) and inline scripts with the nonce only.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    // Next and the widget set styles inline; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framed ? "'self'" : "'none'"}`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': FRAMED_BY_SELF.includes(options.path.split('?')[0]!) ? 'SAMEORIGIN' : 'DENY',
    ...(options.https
      ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

const MESSAGES: Partial<Record<number, string>> = {
  400: 'Malformed request',
  404: 'No such route',
  405: 'This route does not take that method',
  413: 'Request body is too large',
  431: 'Request headers are too large',
};

/** The contract's error body for a bare status (an unknown route, a method, a header limit). */
export function errorBodyForStatus(status: number): {
  error: { code: ErrorCode; message: string };
} {
  const code =
    (Object.entries(ERROR_STATUS).find(([, value]) => value === status)?.[0] as ErrorCode) ??
    (status >= 500 ? 'internal' : 'invalid_request');
  return { error: { code, message: MESSAGES[status] ?? 'The request was refused' } };
}
