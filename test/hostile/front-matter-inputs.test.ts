import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempCatalog } from '../helpers.js';

const NO_CRASH = /\n\s+at \S+ \(|internal error/;
const body = '# Title\n\n> A summary.\n\n## Overview\n\nText.\n';

describe('hostile front matter: a diagnostic at its line, the run goes on', () => {
  it('reports invalid YAML, an alias bomb, custom tags and duplicate keys; reads a 1 MB value', async () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
    ].join('\n');
    const root = await tempCatalog({
      'invalid/README.md': `---\ntags: [unclosed\nstatus: : :\n---\n${body}`,
      'alias-bomb/README.md': `---\n${laughs}\n---\n${body}`,
      'custom-tag/README.md': `---\nrun: !!js/function "function () { globalThis.pwned = true }"\nother: !custom value\n---\n${body}`,
      'duplicate-keys/README.md': `---\nstatus: draft\nstatus: stable\n---\n${body}`,
      'huge-value/README.md': `---\ndescription: "${'x'.repeat(1024 * 1024)}"\n---\n${body}`,
      'normal/README.md': body,
    });
    const started = performance.now();
    const r = await runCli(['lint', root, '--format', 'json'], REPO);
    // The alias bomb must not expand: the whole run stays quick.
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(r.stderr).not.toMatch(NO_CRASH);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
    const results = (JSON.parse(r.stdout) as { results: { file: string; diagnostics: { ruleId: string; message: string; line: number; fatal?: boolean }[] }[] }).results;
    // Each is said at its line; the file is still read without its front matter (not a fatal load problem).
    const fatal = (slug: string) => results.find((x) => x.file === `${slug}/README.md`)!.diagnostics.find((d) => d.ruleId === 'front-matter-syntax');
    expect(results.flatMap((x) => x.diagnostics).filter((d) => d.fatal)).toEqual([]);
    expect(fatal('invalid')?.ruleId).toBe('front-matter-syntax');
    expect(fatal('invalid')!.line).toBeGreaterThan(1);
    expect(fatal('alias-bomb')?.message).toMatch(/alias/i);
    expect(fatal('custom-tag')?.message).toMatch(/tag/i);
    expect(fatal('duplicate-keys')?.message).toMatch(/duplicate|unique/i);
    expect(fatal('duplicate-keys')!.line).toBe(3);
    expect(fatal('huge-value')).toBeUndefined();
    expect(fatal('normal')).toBeUndefined();
    // Each message tells the author what to do, not only what is wrong.
    for (const slug of ['invalid', 'alias-bomb', 'custom-tag', 'duplicate-keys']) expect(fatal(slug)!.message.length, slug).toBeGreaterThan(20);
  }, 60_000);
});
