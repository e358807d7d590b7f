import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Example patterns ship their own *.check.mjs scripts; only our suite runs here.
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The search cache of the commands the tests run goes here, never to the user's own cache folder.
    globalSetup: ['test/global-setup.ts'],
    env: { PATTERNBOOK_CACHE_DIR: path.join(os.tmpdir(), `patternbook-test-cache-${process.pid}`) },
  },
});
