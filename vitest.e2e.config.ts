import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests (`npm run test:e2e`): the built editor in real headless Chromium against a real
 * `tributary serve`. One fork, one file at a time, long timeouts.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/build-editor.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
