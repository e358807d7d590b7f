#!/usr/bin/env node
// Bundles the compiled CLI and the lint and search workers, with their dependencies, into
// dist/bundle/ (run by `npm run build` after tsc). One module to load instead
// of some 250 halves the CLI's start-up; see src/cli/bin.ts.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli/run.js', 'lint-worker': 'dist/lint/worker.js', 'search-worker': 'dist/search/worker.js' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  // Pagefind finds its indexing binary beside its own package, and Mermaid's browser bundle is
  // copied from its package: both stay in node_modules.
  external: ['pagefind', 'mermaid', 'cytoscape'],
  target: 'node20',
  // Some dependencies are CommonJS and `require` Node's modules; an ES module has no `require`.
  banner: { js: "import { createRequire as __patternbookRequire } from 'node:module'; const require = __patternbookRequire(import.meta.url);" },
  // Minified: about 5 MB less memory at run time than the plain bundle. Names are kept and
  // source maps written, so `node --enable-source-maps` shows a crash in the sources' terms.
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});
// npm makes the bin executable when it installs the package; the build does too, so
// `./dist/cli/bin.js` and the tests run it through its `#!` line as an installed one runs.
chmodSync(`${root}dist/cli/bin.js`, 0o755);
