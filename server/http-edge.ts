// What the custom server does to every HTTP request before Next sees it: the client's IP
// (the trusted edge), the security headers with a fresh CSP nonce (handed to Next in the
// request's own CSP header, where it finds it for its inline scripts), and the contract's
// JSON error body on API failures that Next answers bare (an unknown route, a method a route
// does not take). Requests Node refuses before any handler (headers too large, malformed)
// get the same JSON body.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLIENT_IP_HEADER, resolveClientIp } from '@/lib/http/client-ip';
import { errorBodyForStatus, newNonce, securityHeaders } from '@/lib/http/security-headers';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/request-context';

const JSON_PATHS = /^\/(api\/|healthz|readyz|metrics)/;

export interface EdgeOptions {
  https: boolean;
  dev: boolean;
}

export function prepareRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: EdgeOptions,
): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
  );
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER], randomUUID);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const path = req.url ?? '/';
  const headers = securityHeaders({ nonce: newNonce(), path, ...options });
  // Next reads the nonce from the request's CSP and puts it on the scripts it renders.
  req.headers['content-security-policy'] = headers['Content-Security-Policy'];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (JSON_PATHS.test(path)) answerErrorsAsJson(res);
}

const isJson = (type: unknown) => String(type ?? '').includes('application/json');

/**
 * Replaces the body of a failure that is not JSON (Next's HTML 404 page, its empty 405) with
 * the contract's error body. Decided at the first write, when status and type are known.
 */
function answerErrorsAsJson(res: ServerResponse): void {
  let replacement: string | null | undefined;
  const decide = (status: number, type: unknown) => {
    if (replacement !== undefined) return replacement;
    replacement =
      status >= 400 && !isJson(type) ? JSON.stringify(errorBodyForStatus(status)) : null;
    return replacement;
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const asJson = () => {
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.removeHeader('Content-Length');
    res.removeHeader('Content-Encoding');
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((part) => part && typeof part === 'object') as
      | Record<string, unknown>
      | undefined;
    const type =
      headers?.['content-type'] ?? headers?.['Content-Type'] ?? res.getHeader('content-type');
    if (decide(status, type)) {
      asJson();
      return writeHead(status);
    }
    return writeHead(status, ...rest);
  }) as ServerResponse['writeHead'];
  res.write = ((...args: unknown[]) => {
    if (!res.headersSent && decide(res.statusCode, res.getHeader('content-type'))) asJson();
    return replacement ? true : write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    if (!res.headersSent && decide(res.statusCode, res.getHeader('content-type'))) asJson();
    if (!replacement) return end(...args);
    const callback = args.find((arg) => typeof arg === 'function');
    return end(replacement, callback);
  }) as ServerResponse['end'];
}

/** Requests Node refuses itself: 431 for oversized headers, 400 for malformed ones, in JSON. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify(errorBodyForStatus(status));
    const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
