import type { NextConfig } from 'next';

const config: NextConfig = {
  // The domain package ships TypeScript sources; Next compiles them with the pages.
  transpilePackages: ['@chamados/core'],
  // Loaded from node_modules at run time rather than bundled: native-ish or worker-based.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'pino-pretty', 'better-auth'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default config;
