import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';

/** A catalog of `n` patterns written from one template, the first `keeping` of them with its "Describe …" line kept. */
function catalog(n: number, keeping: number): Record<string, string> {
  const files: Record<string, string> = {
    'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
    'templates/pattern.md': '# [Change Title]\n\n## Rollback\n\nDescribe how to undo the change.\n\n## Window\n\nExplain when the change may run.\n',
  };
  for (let i = 1; i <= n; i++) {
    const rollback = i <= keeping ? 'Describe how to undo the change.\n\nRestore the snapshot.' : 'Restore the snapshot.';
    files[`change-${i}/README.md`] = `# Change ${i}\n\n## Rollback\n\n${rollback}\n\n## Window\n\nNights only.\n`;
  }
  return files;
}

describe('patternbook info says what it reads as boilerplate', () => {
  it('names the template text most patterns keep, with its counts', async () => {
    const run = await runCli(['info', await tempCatalog(catalog(12, 7))], REPO);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Boilerplate “Describe how to undo the change.” is kept by 7 of 12 patterns: treated as boilerplate');
    expect(run.stdout).not.toContain('Explain when the change may run.');
  });

  it('in JSON too; nothing in a catalog where few keep it', async () => {
    const json = JSON.parse((await runCli(['info', await tempCatalog(catalog(12, 7)), '--format', 'json'], REPO)).stdout) as { boilerplate: unknown };
    expect(json.boilerplate).toEqual([{ text: 'Describe how to undo the change.', kept: 7, of: 12 }]);
    const few = await runCli(['info', await tempCatalog(catalog(12, 6))], REPO);
    expect(few.stdout).not.toContain('Boilerplate');
  });
});
