import type { NextConfig } from 'next';

// Packages loaded with Node's own require, so that route handlers share the custom
// server's single database client and logger instead of bundling second copies.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not.
  typescript: { ignoreBuildErrors: true },
  // The loader keeps one address for every site that embeds it, so it is cached briefly;
  // the chunks it loads carry a content hash in their names and never change.
  async headers() {
    return [
      {
        source: '/widget/:path*',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
      },
      {
        source: '/widget.js',
        headers: [
          { key: 'Cache-Control', value: 'public, max-age=300, stale-while-revalidate=86400' },
        ],
      },
    ];
  },
  serverExternalPackages: [
    '@electric-sql/pglite',
    'drizzle-orm',
    'postgres',
    'pino',
    'jose',
    'rate-limiter-flexible',
    'ioredis',
    'prom-client',
  ],
};

export default nextConfig;
