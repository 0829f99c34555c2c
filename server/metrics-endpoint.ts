// `GET /metrics` in Prometheus text (bearer METRICS_TOKEN when it is set), and the timing of
// every HTTP request by route pattern for it. Answered by the custom server itself, before
// Next, so a scrape never waits behind the app.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken } from '@/lib/auth/callers';
import { errorBodyForStatus } from '@/lib/http/security-headers';
import { metrics, renderMetrics, routePattern } from '@/lib/metrics';

export const isMetricsRequest = (req: IncomingMessage) =>
  req.url === '/metrics' || Boolean(req.url?.startsWith('/metrics?'));

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(bearerToken(req.headers.authorization) ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
): Promise<void> {
  const fail = (status: number) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(errorBodyForStatus(status)));
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405);
  if (!authorized(req, token)) return fail(401);
  const { body, contentType } = await renderMetrics();
  res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Observes the request's duration once its response is sent. */
export function timeRequest(req: IncomingMessage, res: ServerResponse): void {
  const stop = metrics().httpDuration.startTimer();
  res.once('finish', () => {
    // Unknown addresses share one label, so scanners cannot grow the series without bound.
    const route = res.statusCode === 404 ? '(unmatched)' : routePattern(req.url ?? '/');
    stop({ route, method: req.method ?? 'GET', status: `${Math.floor(res.statusCode / 100)}xx` });
  });
}
