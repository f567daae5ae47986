import { defineConfig } from 'vitest/config';

// Data-layer and API tests run twice, once per backend; the project sets TEST_DATABASE and
// test/support/test-database.ts opens the matching database.
const databaseTests = ['packages/core/test/db/**/*.test.ts', 'apps/web/test/api/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/unit/**/*.test.ts', 'apps/*/test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'pglite', include: databaseTests, env: { TEST_DATABASE: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: databaseTests, env: { TEST_DATABASE: 'postgres' } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/*/test/e2e/**/*.test.ts'],
          // Real server processes and a browser: one file at a time on two cores.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
