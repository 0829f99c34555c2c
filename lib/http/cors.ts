// Which site origins may talk to the customer API and the /customer socket.
import { env } from '../env';

export function isOriginAllowed(origin: string | null | undefined): boolean {
  // No Origin header: not a browser cross-origin request (curl, a server, a same-origin GET).
  if (!origin) return true;
  const allowed = env().widgetAllowedOrigins;
  if (allowed === '*') return true;
  return allowed.includes(origin) || origin === new URL(env().publicUrl).origin;
}

export function corsHeaders(origin: string | null): Record<string, string> {
  if (!origin || !isOriginAllowed(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, OPTIONS',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
