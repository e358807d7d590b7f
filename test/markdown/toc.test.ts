import { describe, expect, it } from 'vitest';
import { tocInSync } from '../../src/markdown/toc.js';

const page = (toc: string, body: string) => `# Greenhouse vents\n\n## Contents\n\n<!-- toc -->\n${toc}<!-- /toc -->\n\n${body}`;
const BODY = '## Summary\n\nOpen vents by heat.\n\n## Design\n\n### Sensors\n\nA thermometer.\n\n### `vent-ctl` daemon\n\nIt opens them.\n\n## Risks\n\nWind.\n';
const TOC = '- [Summary](#summary)\n- [Design](#design)\n  - [Sensors](#sensors)\n  - [`vent-ctl` daemon](#vent-ctl-daemon)\n- [Risks](#risks)\n';

describe('tocInSync', () => {
  it('writes the table anew, in its own style, for the headings after the fixes', () => {
    const before = page(TOC, BODY);
    const after = page(TOC, BODY.replace('## Risks', '## Testing\n\n<!-- How is it tested? -->\n\n## Risks').replace('### Sensors', '### Sensor'));
    expect(tocInSync(before, after)).toBe(
      page(
        '- [Summary](#summary)\n- [Design](#design)\n  - [Sensor](#sensor)\n  - [`vent-ctl` daemon](#vent-ctl-daemon)\n- [Testing](#testing)\n- [Risks](#risks)\n',
        after.slice(after.indexOf('## Summary')),
      ),
    );
  });

  it('keeps four-space indents and `*` bullets, and the plain text of headings where the table has it', () => {
    const toc = '* [Summary](#summary)\n* [Design](#design)\n    * [Sensors](#sensors)\n    * [vent-ctl daemon](#vent-ctl-daemon)\n* [Risks](#risks)\n';
    const after = page(toc, BODY.replace('## Risks', '## Risks and limits'));
    expect(tocInSync(page(toc, BODY), after)).toContain(
      '* [Design](#design)\n    * [Sensors](#sensors)\n    * [vent-ctl daemon](#vent-ctl-daemon)\n* [Risks and limits](#risks-and-limits)\n<!-- /toc -->',
    );
  });

  it('a table that lists every heading lists one a fix moves a level deeper; one that leaves a level out still leaves it out', () => {
    const before = page(TOC, BODY);
    const deeper = page(TOC, BODY.replace('### Sensors', '#### Sensors'));
    expect(tocInSync(before, deeper)).toContain('- [Design](#design)\n    - [Sensors](#sensors)\n  - [`vent-ctl` daemon](#vent-ctl-daemon)');
    const top = '- [Summary](#summary)\n- [Design](#design)\n- [Risks](#risks)\n';
    const after = page(top, BODY.replace('## Risks', '## Testing\n\nTests.\n\n## Risks'));
    expect(tocInSync(page(top, BODY), after)).toContain(
      '<!-- toc -->\n- [Summary](#summary)\n- [Design](#design)\n- [Testing](#testing)\n- [Risks](#risks)\n<!-- /toc -->',
    );
  });

  it("keeps mdtoc's ids where the table has them (code spans dropped from a heading's id)", () => {
    const mdtoc = '- [Summary](#summary)\n- [Design](#design)\n  - [Sensors](#sensors)\n  - [<code>vent-ctl</code> daemon](#-daemon)\n- [Risks](#risks)\n';
    const before = page(mdtoc, BODY);
    const after = page(mdtoc, BODY.replace('## Risks', '## Testing\n\nTests.\n\n## Risks'));
    expect(tocInSync(before, after)).toContain('  - [<code>vent-ctl</code> daemon](#-daemon)\n- [Testing](#testing)\n- [Risks](#risks)\n<!-- /toc -->');
  });

  it('indents from the shallowest heading it lists, as the tools do: every heading moved a level down, the table is the same', () => {
    const top = BODY.replace(/^## /gm, '# ').replace(/^### /gm, '## ');
    const before = `# Vents\n\n<!-- toc -->\n${TOC}<!-- /toc -->\n\n${top}`;
    const after = `# Vents\n\n<!-- toc -->\n${TOC}<!-- /toc -->\n\n${BODY}`;
    expect(tocInSync(before, after)).toBe(after);
  });

  it('leaves a table that was not in step with the headings before the fixes, or has none, as it is', () => {
    const stale = '- [Summary](#summary)\n- [Old part](#old-part)\n';
    const after = page(stale, BODY.replace('## Risks', '## Testing\n\nTests.\n\n## Risks'));
    expect(tocInSync(page(stale, BODY), after)).toBe(after);
    const plain = `# Vents\n\n${BODY}`;
    expect(tocInSync(plain, `${plain}\n## More\n\nText.\n`)).toBe(`${plain}\n## More\n\nText.\n`);
  });
});

describe('lint --fix with a table of contents', () => {
  it('the inserted section is listed in the table, which stays as the tool writes it', async () => {
    const { lint } = await import('../../src/lint/lint.js');
    const { tempCatalog } = await import('../helpers.js');
    const { readFile } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = await tempCatalog({
      'templates/pattern.md': '# [Title]\n\n## Summary\n\nIn brief.\n\n## Design\n\nHow.\n\n## Testing\n\nHow it is tested.\n\n## Risks\n\nWhat could go wrong.\n',
      'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }),
      'vents/README.md': page(TOC, BODY),
    });
    await lint({ root, fix: true, only: ['required-section'] });
    const text = await readFile(path.join(root, 'vents/README.md'), 'utf8');
    expect(text).toContain('  - [`vent-ctl` daemon](#vent-ctl-daemon)\n- [Testing](#testing)\n- [Risks](#risks)\n<!-- /toc -->');
    expect(text).toContain('## Testing\n\n<!-- How it is tested. -->\n\n## Risks');
  });
});

describe('tocInSync: code spans', () => {
  it('written as HTML in the table where it writes them so, emphasis too', () => {
    const toc = '- [Summary](#summary)\n- [Design](#design)\n  - [Sensors](#sensors)\n  - [<code>vent-ctl</code> daemon](#vent-ctl-daemon)\n- [Risks](#risks)\n';
    const after = page(toc, BODY.replace('## Risks', '## Testing\n\nTests.\n\n## Risks'));
    expect(tocInSync(page(toc, BODY), after)).toContain('  - [<code>vent-ctl</code> daemon](#vent-ctl-daemon)\n- [Testing](#testing)\n- [Risks](#risks)\n<!-- /toc -->');
  });
});
