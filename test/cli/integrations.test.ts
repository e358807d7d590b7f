import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, runCli, tempCatalog } from '../helpers.js';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  if?: string;
}

describe('the GitHub Action and the pre-commit hook', () => {
  it('action.yml: every input reaches a script through the environment, never pasted into it (no script injection)', async () => {
    const action = parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: Step[] } };
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['catalog', 'changed-since', 'sarif', 'build-site', 'verify']));
    const scripts = action.runs.steps.filter((s) => s.run);
    expect(scripts.length).toBeGreaterThan(3);
    for (const s of scripts) expect(s.run, s.run).not.toMatch(/\$\{\{/);
    const lint = scripts.find((s) => /lint "\$CATALOG"/.test(s.run!))!;
    expect(lint.run).toContain('--format sarif --output patternbook.sarif');
    expect(lint.run).toContain('--format github');
    expect(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    expect(scripts.some((s) => /verify "\$CATALOG" --yes/.test(s.run!) && s.if === "${{ inputs.verify == 'true' }}")).toBe(true);
  });

  it('.pre-commit-hooks.yaml runs `patternbook lint` on the staged Markdown files; files that are not patterns are ignored', async () => {
    const hooks = parse(await readFile(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; pass_filenames: boolean }[];
    const hook = hooks.find((h) => h.id === 'patternbook-lint')!;
    expect(hook.entry).toBe('patternbook lint --no-error-on-unmatched-pattern');
    expect(hook.pass_filenames).toBe(true);
    expect(new RegExp(hook.files).test('saga/README.md')).toBe(true);
    // What pre-commit runs: the entry with the staged file names, from the repository root.
    const root = await tempCatalog({ 'good/README.md': '# Good\n\n> Good.\n', 'docs/notes.md': '# Notes\n' });
    const entry = hook.entry.split(' ').slice(1);
    const r = await runCli([...entry, 'good/README.md', 'docs/notes.md', '--format', 'json'], root);
    const files = (JSON.parse(r.stdout) as { results: { file: string }[] }).results.map((x) => x.file);
    expect(files).toEqual(['good/README.md']);
    expect(r.stderr).toMatch(/^Not linted: `docs\/notes\.md` does not match `patterns`/m);
    // A commit that changes no pattern at all passes, and says nothing was linted.
    const none = await runCli([...entry, 'docs/notes.md'], root);
    expect([none.code, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toMatch(/Nothing was linted: no path given names a pattern/);
    // Without the flag, a path that names no pattern is a usage error.
    expect((await runCli(['lint', 'good/README.md', 'docs/notes.md'], root)).code).toBe(2);
  });
});
