import type { NextConfig } from 'next';

// Packages loaded with Node's own require, so that route handlers share the custom
// server's single database client and logger instead of bundling second copies.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) once; the build need not.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    '@electric-sql/pglite',
    'drizzle-orm',
    'postgres',
    'pino',
    'jose',
    'rate-limiter-flexible',
  ],
};

export default nextConfig;
