import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Example patterns ship their own *.check.mjs scripts; only our suite runs here.
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
