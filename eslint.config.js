// ESLint for the TypeScript sources and tests (typescript-eslint's recommended rules, and
// the type-aware rules that catch a forgotten `await`), the build and bench scripts, and the
// site's browser scripts. Formatting is Prettier's (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/starlight/', 'bench/search-libraries/', '**/_site/', 'examples/', 'editors/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'vitest.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      // Control characters in patterns are deliberate here: sanitizers and text checks match them.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Tests reach into the browser's page (`page.evaluate`) and the LSP's JSON messages, which have no types.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'eslint.config.js'], languageOptions: { globals: globals.node } },
  { files: ['assets/site/**/*.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
);
