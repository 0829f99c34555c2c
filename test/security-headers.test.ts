// Security headers on every page, asset and API answer of the real server; inline scripts
// only with the request's nonce; JSON error bodies where Next or Node would answer bare
// (an unknown route, a method, oversized headers); HSTS and Secure cookies behind https.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

function expectSecurityHeaders(response: Response, path: string) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp, path).toContain("object-src 'none'");
  expect(csp, path).toMatch(/frame-ancestors '(none|self)'/);
  expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('strict-transport-security'), path).toBeNull();
}

describe('security headers', () => {
  it('are on every page, asset and API answer', async () => {
    const login = await get('/login');
    const html = await login.text();
    const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(chunk).toBeTruthy();
    const paths = [
      '/',
      '/login',
      '/setup',
      '/inbox',
      '/admin',
      '/demo',
      '/invite/not-a-real-token-0123456789',
      '/no-such-page',
      chunk!,
      '/widget.js',
      '/robots.txt',
      '/api/v1/widget/config',
      '/api/v1/openapi.json',
      '/healthz',
      '/readyz',
    ];
    for (const path of paths) {
      const response = await get(path);
      expectSecurityHeaders(response, path);
      await response.arrayBuffer();
    }
  });

  it('lets only the nonce of the request run inline scripts, and frames only the preview', async () => {
    const response = await get('/login');
    const nonce = response.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1];
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    const again = await get('/login');
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);

    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const preview = await get('/admin/widget/preview');
    expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
  });
});

describe('failures Next or Node would answer bare', () => {
  const expectJsonError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
  };

  it('answer an unknown API route with 404 and a method a route does not take with 405', async () => {
    await expectJsonError(await get('/api/v1/no-such-thing'), 404, 'not_found');
    await expectJsonError(
      await get('/api/v1/widget/config', { method: 'DELETE' }),
      405,
      'method_not_allowed',
    );
    await expectJsonError(await get('/healthz', { method: 'POST' }), 405, 'method_not_allowed');
  });

  it('answer a body over the limit with 413', async () => {
    const response = await get('/api/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
    });
    await expectJsonError(response, 413, 'too_large');
  });

  it('answer oversized headers with 431 in JSON', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(
          `GET /api/v1/widget/config HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(32_000)}\r\n\r\n`,
        );
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk;
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toContain('application/json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'headers_too_large' },
    });
  });
});

describe('behind https', () => {
  it('adds HSTS and marks the cookies Secure', async () => {
    const secure = await startServer({ env: { PUBLIC_URL: 'https://support.example.com' } });
    try {
      const response = await fetch(`${secure.url}/api/auth/csrf`);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('content-security-policy')).toContain(
        'upgrade-insecure-requests',
      );
      const cookies = response.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
    } finally {
      await secure.dispose();
    }
  });
});
