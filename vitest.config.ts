import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

/** Unit and integration tests (`npm test`). End-to-end browser tests have their own config. */
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
