import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
const page = (title: string, related = '') => `# ${title}\n\n> ${title}.\n\n## Overview\n\nText.\n${related ? `\n## Related Patterns\n\n- ${related}\n` : ''}`;

async function repo(): Promise<string> {
  const root = await tempCatalog({
    'patternbook.config.yaml': 'rules: {}\n',
    'a/README.md': page('A', '[B](../b/README.md)'),
    'b/README.md': page('B'),
    'c/README.md': page('C'),
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'start');
  return root;
}

const files = (stdout: string) => (JSON.parse(stdout) as { results: { file: string }[] }).results.map((r) => r.file).sort();

describe('patternbook lint --changed-since', () => {
  it('lints the changed patterns and those whose relations point to them, nothing else', async () => {
    const root = await repo();
    await writeFile(path.join(root, 'b', 'README.md'), page('B changed'));
    const r = await runCli(['lint', root, '--changed-since', 'main', '--format', 'json'], REPO);
    expect(files(r.stdout)).toEqual(['a/README.md', 'b/README.md']);
  });

  it('lints every pattern when the configuration changed, and nothing (exit 0) when nothing did', async () => {
    const root = await repo();
    const none = await runCli(['lint', root, '--changed-since', 'main', '--format', 'json'], REPO);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('No pattern changed since main');
    await writeFile(path.join(root, 'patternbook.config.yaml'), 'rules: { summary: warn }\n');
    const all = await runCli(['lint', root, '--changed-since', 'main', '--format', 'json'], REPO);
    expect(files(all.stdout)).toEqual(['a/README.md', 'b/README.md', 'c/README.md']);
  });

  it('counts new files that git does not ignore, and refuses an unknown ref (exit 2)', async () => {
    const root = await repo();
    await writeFile(path.join(root, 'c', 'notes.txt'), 'new file in c\n');
    const r = await runCli(['lint', root, '--changed-since', 'main', '--format', 'json'], REPO);
    expect(files(r.stdout)).toEqual(['c/README.md']);
    const bad = await runCli(['lint', root, '--changed-since', 'no-such-branch'], REPO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no-such-branch');
  });
});
