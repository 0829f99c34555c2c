// The caller's IP. The custom server is the trusted edge: it writes CLIENT_IP_HEADER on
// every request (overwriting anything a client sent), honouring X-Forwarded-For only with
// TRUST_PROXY.
import { env } from '../env';

export const CLIENT_IP_HEADER = 'x-parley-client-ip';

export function resolveClientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
): string {
  if (env().trustProxy && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',')[0];
    if (first?.trim()) return first.trim();
  }
  return (remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
}

export function clientIpOf(request: Request): string {
  return request.headers.get(CLIENT_IP_HEADER) ?? 'unknown';
}
