import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../helpers.js';
import { lintOne } from './_lint-one.js';

const builtIn = await readFile(path.join(REPO, 'templates/pattern.md'), 'utf8');
/** The built-in template as `pattern@<version>`. */
const templateAt = (version: string) => `---\ntemplate: pattern@${version}\n---\n${builtIn}`;
/** A pattern that records `stamp` (line 2 of the file). */
const stamped = (stamp: string) => `---\ntemplate: ${stamp}\n---\n# Saga\n\n> Keeps data consistent across services.\n\n## Overview\n\nText.\n`;

async function messages(template: string, stamp: string): Promise<string[]> {
  return (await lintOne('template-version', stamped(stamp), { template })).shown;
}

describe('template-version', () => {
  it('says nothing when the pattern follows the catalog’s template, or records no template', async () => {
    expect(await messages(templateAt('2.0.0'), 'pattern@2.0.0')).toEqual([]);
    expect((await lintOne('template-version', '# Saga\n\n> Keeps data consistent.\n\n## Overview\n\nText.\n', { template: templateAt('2.0.0') })).shown).toEqual([]);
  });

  it('a pattern behind the catalog’s template: run migrate', async () => {
    expect(await messages(templateAt('2.0.0'), 'pattern@1.4.2')).toEqual([
      "2:1 This pattern follows `pattern@1.4.2`, behind the catalog's template `pattern@2.0.0`: run `patternbook migrate --to <the new template>` to add what changed.",
    ]);
    // A pre-release is behind its release; numbers compare as numbers, not as text.
    expect((await messages(templateAt('2.0.0'), 'pattern@2.0.0-rc.1'))[0]).toContain('behind');
    expect((await messages(templateAt('1.10.0'), 'pattern@1.9.0'))[0]).toContain('behind');
    expect((await messages(templateAt('2024-06-01'), 'pattern@2024-01-15'))[0]).toContain('behind');
  });

  it('a pattern ahead of the catalog’s template: the configuration still names the old one', async () => {
    expect(await messages(templateAt('1.0.0'), 'pattern@2.0.0')).toEqual([
      "2:1 This pattern follows `pattern@2.0.0`, ahead of the catalog's template `pattern@1.0.0`: it was migrated to a newer template than the one the catalog uses. Set `template` in patternbook.config.json to that newer template (or undo the migration).",
    ]);
    expect((await messages(templateAt('1.9.0'), 'pattern@1.10.0'))[0]).toContain('ahead');
    expect((await messages(templateAt('2.0.0-beta.2'), 'pattern@2.0.0-beta.10'))[0]).toContain('ahead');
    expect((await messages(templateAt('2.0.0-rc.1'), 'pattern@2.0.0'))[0]).toContain('ahead');
  });

  it('versions without an order (hashes of templates without a version): another version, both ways out', async () => {
    const [message] = await messages(builtIn, 'pattern@0123456789ab');
    expect(message).toMatch(
      /^2:1 This pattern follows `pattern@0123456789ab`, another version of the catalog's template `pattern@[0-9a-f]{12}`: if the catalog's template is the newer one, run `patternbook migrate/,
    );
    expect(message).toContain("if the pattern's is, set `template` in patternbook.config.json to it.");
  });

  it('another template, and a stamp that is not name@version', async () => {
    expect(await messages(templateAt('2.0.0'), 'adr@2.0.0')).toEqual([
      "2:1 This pattern follows template `adr@2.0.0`, but the catalog's template is `pattern@2.0.0`: run `patternbook migrate --to <template>` to bring it over.",
    ]);
    expect(await messages(templateAt('2.0.0'), 'pattern-2')).toEqual([
      '2:1 Front matter `template: pattern-2` is not `<name>@<version>`: set it to `pattern@2.0.0` (`patternbook migrate` writes it).',
    ]);
  });
});
