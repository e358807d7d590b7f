import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPattern } from '../../src/catalog/load-pattern.js';
import { loadTemplate } from '../../src/template/load-template.js';
import { listFiles, REPO, runCli, tempCatalog } from '../helpers.js';

const CRASH = /\n\s+at \S+ \(|internal error/i;
const TEMPLATE = '# [Pattern Title]\n\n> Brief one-sentence description\n\n## Overview\n\nDescribe it.\n';
const page = (title: string, body = '') => `# ${title}\n\n> Does ${title} things well.\n\n## Overview\n\nThe ${title} pattern.\n${body}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * A workspace: `outside/` holds secrets with a unique marker, `cat/` is the catalog
 * (tiny template, one good pattern), `site/` is where builds go.
 */
async function workspace() {
  const marker = `OUTSIDE-SECRET-${randomBytes(8).toString('hex')}`;
  const base = await tempCatalog({
    'outside/secret.txt': `${marker}\n`,
    'outside/secret.md': `# Secret\n\n> ${marker} summary.\n\n## Overview\n\n${marker} body.\n`,
    'outside/evil/README.md': `# Evil\n\n> ${marker} evil.\n\n## Overview\n\n${marker}\n`,
    'outside/outside.png': Buffer.concat([PNG, Buffer.from(marker)]),
    'secret.txt': `${marker}\n`,
    'outside.png': Buffer.concat([PNG, Buffer.from(marker)]),
    'cat/template.md': TEMPLATE,
    'cat/patternbook.config.yaml': 'template: template.md\n',
    'cat/good/README.md': page('Good'),
  });
  const cat = path.join(base, 'cat');
  return { base, cat, marker, site: path.join(base, 'site') };
}

/** Asserts no file under `dir` contains the marker or is a copy of an outside file. */
async function assertNoLeak(dir: string, marker: string, outsideFiles: Buffer[]) {
  for (const rel of await listFiles(dir)) {
    const bytes = await readFile(path.join(dir, rel));
    expect(bytes.includes(marker), `${rel} contains the outside marker`).toBe(false);
    for (const o of outsideFiles) expect(bytes.equals(o), `${rel} is a copy of an outside file`).toBe(false);
  }
}

async function runAll(w: Awaited<ReturnType<typeof workspace>>) {
  const lint = await runCli(['lint', w.cat], w.cat);
  const build = await runCli(['build', w.cat, '--out', w.site], w.cat);
  const exportJson = await runCli(['export', w.cat], w.cat);
  const llmsOut = path.join(w.base, 'export', 'llms.txt');
  const exportLlms = await runCli(['export', w.cat, '-f', 'llms', '--out', llmsOut], w.cat);
  for (const r of [lint, build, exportJson, exportLlms]) {
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stdout).not.toMatch(CRASH);
  }
  return { lint, build, exportJson, exportLlms };
}

async function outsideBytes(w: Awaited<ReturnType<typeof workspace>>): Promise<Buffer[]> {
  return Promise.all(
    ['outside/secret.txt', 'outside/secret.md', 'outside/evil/README.md', 'outside/outside.png', 'secret.txt', 'outside.png'].map((f) => readFile(path.join(w.base, f))),
  );
}

describe('symbolic links', () => {
  it('a folder symlink pointing to its parent (a loop) does not hang or crash, with the default and a `**` glob', async () => {
    const w = await workspace();
    await mkdir(path.join(w.cat, 'loop'));
    await writeFile(path.join(w.cat, 'loop', 'README.md'), page('Loop'));
    await symlink('..', path.join(w.cat, 'loop', 'up'));
    await symlink('.', path.join(w.cat, 'self'));
    for (const config of ['template: template.md\n', 'template: template.md\npatterns: ["**/README.md"]\n']) {
      await writeFile(path.join(w.cat, 'patternbook.config.yaml'), config);
      const lint = await runCli(['lint', w.cat, '-f', 'json'], w.cat);
      expect(lint.stderr).not.toMatch(CRASH);
      expect(lint.code).toBe(0);
      const files = (JSON.parse(lint.stdout) as { results: { file: string }[] }).results.map((r) => r.file).sort();
      expect(files).toEqual(['good/README.md', 'loop/README.md']);
      const build = await runCli(['build', w.cat, '--out', w.site], w.cat);
      expect(build.stderr).not.toMatch(CRASH);
      expect(build.code).toBe(0);
    }
  });

  it('README.md symlinked to a file outside the catalog, and a folder symlinked outside, are never read', async () => {
    const w = await workspace();
    await mkdir(path.join(w.cat, 'linked-file'));
    await symlink(path.join(w.base, 'outside/secret.md'), path.join(w.cat, 'linked-file', 'README.md'));
    await symlink('../outside/evil', path.join(w.cat, 'evil'));
    await symlink(path.join(w.base, 'outside'), path.join(w.cat, 'outside-tree'));

    const { lint, build, exportJson, exportLlms } = await runAll(w);
    for (const r of [lint, build, exportJson, exportLlms]) {
      expect(r.stdout).not.toContain(w.marker);
      expect(r.stderr).not.toContain(w.marker);
    }
    // Each link is reported by name.
    const said = lint.stdout + lint.stderr;
    for (const name of ['linked-file/README.md', 'evil', 'outside-tree']) expect(said).toContain(name);
    expect(said).toMatch(/outside the catalog/);
    await assertNoLeak(w.site, w.marker, await outsideBytes(w));
    await assertNoLeak(path.join(w.base, 'export'), w.marker, await outsideBytes(w));
    expect(exportJson.stdout).toContain('"good"');
    expect(build.code).not.toBe(2);
  });
});

describe('assets inside a pattern folder that are symbolic links out of the catalog', () => {
  // A file that is inside the pattern folder by its path but a symbolic link to somewhere else is not the
  // pattern's: the site checks where it really is before copying (it used to copy `diagrams/arch.png ->
  // /anywhere/secret` into the published site).
  for (const how of ['an image file', 'a linked file', 'a diagrams folder'] as const) {
    it(`build does not copy ${how} symlinked outside the catalog into the site`, async () => {
      const w = await workspace();
      if (how === 'a diagrams folder') {
        await symlink(path.join(w.base, 'outside'), path.join(w.cat, 'good', 'diagrams'));
        await writeFile(path.join(w.cat, 'good', 'README.md'), page('Good', '\n![Architecture](diagrams/outside.png)\n\n[notes](diagrams/secret.txt)\n'));
      } else {
        await mkdir(path.join(w.cat, 'good', 'diagrams'));
        await symlink(path.join(w.base, 'outside/outside.png'), path.join(w.cat, 'good', 'diagrams', 'arch.png'));
        await symlink(path.join(w.base, 'outside/secret.txt'), path.join(w.cat, 'good', 'diagrams', 'notes.txt'));
        await writeFile(
          path.join(w.cat, 'good', 'README.md'),
          page('Good', how === 'an image file' ? '\n![Architecture](diagrams/arch.png)\n' : '\n[notes](diagrams/notes.txt)\n'),
        );
      }
      const lint = await runCli(['lint', w.cat], w.cat);
      expect(lint.code).toBe(1);
      expect(lint.stdout).toMatch(/symbolic link that leads out of the catalog/);
      const build = await runCli(['build', w.cat, '--out', w.site], w.cat);
      expect(build.stderr).not.toMatch(CRASH);
      await assertNoLeak(w.site, w.marker, await outsideBytes(w));
    });
  }
});

describe('links and images that leave the catalog', () => {
  const BODY = [
    '',
    'Climb: [passwd](../../../../etc/passwd).',
    '',
    'Absolute: [abs](/etc/passwd).',
    '',
    'Encoded: [enc](%2e%2e/%2e%2e/secret.txt).',
    '',
    'Up two: [up](../../secret.txt).',
    '',
    '![x](../../outside.png)',
    '',
    '![enc](%2e%2e/%2e%2e/outside.png)',
    '',
  ].join('\n');

  it('lint reports each one with the link/image rule and its line; build and export never copy or inline the target', async () => {
    const w = await workspace();
    await writeFile(path.join(w.cat, 'good', 'README.md'), page('Good', BODY));
    const { lint, build, exportJson } = await runAll(w);
    expect(lint.code).toBe(1);
    const lines = lint.stdout.split('\n');
    const at = (line: number, rule: string, severity = 'error') => lines.some((l) => new RegExp(`^\\s+${line}:\\d+\\s+${severity}\\s.*\\s${rule}$`).test(l));
    // (A path that leaves a catalog with no git repository around it is not looked at, so not judged:
    // a warning that says so. An absolute path is broken wherever the catalog goes: an error.)
    expect(at(9, 'link', 'warning'), 'climbing ../../../../etc/passwd').toBe(true);
    expect(at(11, 'link'), 'absolute /etc/passwd').toBe(true);
    expect(at(13, 'link', 'warning'), 'URL-encoded %2e%2e').toBe(true);
    expect(at(15, 'link', 'warning'), '../../secret.txt').toBe(true);
    expect(at(17, 'image', 'warning'), 'image ../../outside.png').toBe(true);
    expect(at(19, 'image', 'warning'), 'encoded image').toBe(true);
    expect(lint.stdout).not.toContain(w.marker);
    expect(build.code).toBe(0);
    await assertNoLeak(w.site, w.marker, await outsideBytes(w));
    const html = await readFile(path.join(w.site, 'patterns/good/index.html'), 'utf8');
    expect(html).not.toMatch(/(href|src)="[^"]*(etc\/passwd|secret\.txt|outside\.png)/);
    expect(exportJson.stdout).not.toContain(w.marker);
  });

  // Every destination reaches the model (markdown-it's default link filter used to drop `file:` ones, so
  // lint never saw them); the site still renders only http(s), mailto and the catalog's own files.
  it('lint reports a file:///etc/passwd link and image', async () => {
    const w = await workspace();
    await writeFile(path.join(w.cat, 'good', 'README.md'), page('Good', '\nSee [c](file:///etc/passwd).\n\n![i](file:///etc/passwd)\n'));
    const lint = await runCli(['lint', w.cat], w.cat);
    expect(lint.stderr).not.toMatch(CRASH);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^\s+9:\d+\s+error\s.*file:\/\/\/etc\/passwd.*\slink$/m);
    expect(lint.stdout).toMatch(/^\s+11:\d+\s+error\s.*\simage$/m);
  });

  it('build never turns a file:/// link into a live link or copies its target', async () => {
    const w = await workspace();
    const target = path.join(w.base, 'secret.txt');
    await writeFile(path.join(w.cat, 'good', 'README.md'), page('Good', `\nSee [c](file://${target}) and ![i](file://${path.join(w.base, 'outside.png')}).\n`));
    const { build } = await runAll(w);
    expect(build.code).not.toBe(2);
    await assertNoLeak(w.site, w.marker, await outsideBytes(w));
    const html = await readFile(path.join(w.site, 'patterns/good/index.html'), 'utf8');
    expect(html).not.toMatch(/(href|src)="file:/i);
  });
});

describe('files that vanish or cannot be read', () => {
  it('loadPattern on a missing file returns a file-read diagnostic naming the path, not a throw', async () => {
    const dir = await tempCatalog();
    const result = await loadPattern({ file: path.join(dir, 'gone', 'README.md'), path: 'gone/README.md', slug: 'gone', maxFileSize: 1024 }, await loadTemplate());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostic.path).toBe('gone/README.md');
      expect(result.diagnostic.ruleId).toBe('file-read');
      expect(result.diagnostic.message).toMatch(/disappeared|not found|no such/i);
    }
  });

  it('loadPattern on a folder returns a diagnostic, not a throw', async () => {
    const dir = await tempCatalog({ 'x/README.md/keep': '' });
    const result = await loadPattern({ file: path.join(dir, 'x', 'README.md'), path: 'x/README.md', slug: 'x', maxFileSize: 1024 }, await loadTemplate());
    expect(result.ok).toBe(false);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)(
    'an unreadable pattern (chmod 000) is reported by name and the others are still linted and built (skipped as root: root reads everything)',
    async () => {
      const w = await workspace();
      await mkdir(path.join(w.cat, 'locked'));
      const locked = path.join(w.cat, 'locked', 'README.md');
      await writeFile(locked, page('Locked'));
      await chmod(locked, 0o000);
      try {
        const lint = await runCli(['lint', w.cat], w.cat);
        expect(lint.stderr).not.toMatch(CRASH);
        expect(lint.code).toBe(1);
        expect(lint.stdout + lint.stderr).toMatch(/locked\/README\.md[\s\S]*Permission denied/);
        const build = await runCli(['build', w.cat, '--out', w.site], w.cat);
        expect(build.stderr).not.toMatch(CRASH);
        expect(build.stderr).toMatch(/locked\/README\.md/);
        expect((await listFiles(w.site)).includes('patterns/good/index.html')).toBe(true);
      } finally {
        await chmod(locked, 0o644);
      }
    },
  );
  // As root (CI containers), the same case runs the CLI as an unprivileged user, for whom the file is unreadable.
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((f) => existsSync(f));
  const bin = path.join(REPO, 'dist/cli/bin.js');
  it.runIf(root && runuser && existsSync(bin))(
    'an unreadable pattern, linted as an unprivileged user (runuser -u nobody): reported by name, the others still linted',
    async () => {
      const w = await workspace();
      await mkdir(path.join(w.cat, 'locked'));
      const locked = path.join(w.cat, 'locked', 'README.md');
      await writeFile(locked, page('Locked'));
      // Everything else readable by anyone (temporary folders are private by default).
      for (let dir = w.cat; dir.startsWith(os.tmpdir()) && dir !== os.tmpdir(); dir = path.dirname(dir)) await chmod(dir, 0o755);
      for (const sub of ['locked', 'good']) await chmod(path.join(w.cat, sub), 0o755);
      await chmod(locked, 0o000);
      // The CLI itself, where that user can read it: the checkout may sit in a private folder.
      const cli = await tempCatalog();
      for (const part of ['dist', 'templates', 'package.json']) await cp(path.join(REPO, part), path.join(cli, part), { recursive: true });
      for (let dir = cli; dir.startsWith(os.tmpdir()) && dir !== os.tmpdir(); dir = path.dirname(dir)) await chmod(dir, 0o755);
      const r = spawnSync(runuser!, ['-u', 'nobody', '--', process.execPath, path.join(cli, 'dist/cli/bin.js'), 'lint', w.cat, '--format', 'json'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect(r.stderr).not.toMatch(CRASH);
      expect(r.status, r.stderr).toBe(1);
      const results = (JSON.parse(r.stdout) as { results: { file: string; diagnostics: { message: string; fatal?: boolean }[] }[] }).results;
      expect(results.find((x) => x.file === 'locked/README.md')!.diagnostics[0]!.message).toMatch(/Permission denied|cannot be read|EACCES/i);
      expect(results.find((x) => x.file === 'good/README.md')!.diagnostics.some((d) => d.fatal)).toBe(false);
    },
  );
});

const BIN = path.join(REPO, 'dist/cli/bin.js');

// Run as a process with a time limit: a loop that never ends would block a test in this process for good.
describe.skipIf(!existsSync(BIN))('a link to the root of the site (`/`) (needs `npm run build`)', () => {
  it('is the catalog root: lint and the site build finish (it once looped forever walking up from `/catalog/`)', async () => {
    const root = await tempCatalog({
      'patternbook.config.yaml': 'template: template.md\npatterns: ["p/*.md"]\n',
      'template.md': '# [Title]\n\nSummary.\n\n## Body\n\nText.\n',
      'p/alpha.md': '# Alpha\n\nSum.\n\n## Body\n\nSee [home](/) and [the root](/./) here.\n',
    });
    const lint = spawnSync(process.execPath, [BIN, 'lint', root, '--format', 'json'], { encoding: 'utf8', timeout: 20_000 });
    expect(lint.error, 'lint did not finish in time').toBeUndefined();
    expect(lint.status).toBe(0);
    const build = spawnSync(process.execPath, [BIN, 'build', root, '--out', path.join(await tempCatalog(), 'site')], { encoding: 'utf8', timeout: 30_000 });
    expect(build.error, 'build did not finish in time').toBeUndefined();
    expect(build.status).toBe(0);
  }, 60_000);
});
