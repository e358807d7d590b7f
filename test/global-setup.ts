import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The search cache folder the tests' commands write to (see vitest.config.ts), removed after the run. */
export default function setup(): () => Promise<void> {
  const folder = path.join(os.tmpdir(), `patternbook-test-cache-${process.pid}`);
  return () => rm(folder, { recursive: true, force: true });
}
