import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser test: run by `npm run test:e2e`, never by `npm test` (it needs Chromium and a build).
export const config = defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

// vitest reads the default export.
// eslint-disable-next-line no-restricted-syntax
export default config;
