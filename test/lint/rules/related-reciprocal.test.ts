import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { tempCatalog } from '../../helpers.js';

const pattern = (title: string, related: string, overview = 'Text.') =>
  `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\n${overview}\n\n## Related Patterns\n\n${related}\n`;

async function warnings(files: Record<string, string>): Promise<string[]> {
  const dir = await tempCatalog(files);
  const report = await lint({ root: dir, only: ['related-reciprocal'] });
  return report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.line}:${d.column} ${d.severity} ${d.message}`));
}

describe('related-reciprocal', () => {
  it("warns on A's link when B never mentions A, naming B's file and the link to add", async () => {
    expect(
      await warnings({
        'saga/README.md': pattern('Saga', '- [Outbox](../outbox/README.md)'),
        'outbox/README.md': pattern('Transactional Outbox', '- [Retry](../retry/README.md)'),
        'retry/README.md': pattern('Retry with Backoff', '- Nothing yet.'),
      }),
    ).toEqual([
      'outbox/README.md 11:11 warning `retry/README.md` (Retry with Backoff) is listed under Related Patterns but never mentions this pattern back: add `[Transactional Outbox](../outbox/README.md)` to its Related Patterns, or remove it from this list if the two are not related.',
      'saga/README.md 11:12 warning `outbox/README.md` (Transactional Outbox) is listed under Related Patterns but never mentions this pattern back: add `[Saga](../saga/README.md)` to its Related Patterns, or remove it from this list if the two are not related.',
    ]);
  });

  it('a link back written as the route a site gives the page (`/design/hub-load/`) is a mention', async () => {
    expect(
      await warnings({
        'patternbook.config.json': JSON.stringify({ patterns: ['design/*.md'] }),
        'design/hub-load.md': pattern('Hub load', '- [The other step](/design/link-load/)'),
        'design/link-load.md': pattern('Link load', '- [The first step](/design/hub-load/)'),
      }),
    ).toEqual([]);
  });

  it('names each list as the catalog does (`## Related`, `## See also`), not as Related Patterns', async () => {
    const named = (title: string, section: string, related: string) =>
      `# ${title}\n\n> ${title} does one thing.\n\n## Overview\n\nText.\n\n## ${section}\n\n${related}\n`;
    expect(
      await warnings({
        'saga/README.md': named('Saga', 'Related', '- [Outbox](../outbox/README.md)'),
        'outbox/README.md': named('Transactional Outbox', 'See also', '- [Retry](../retry/README.md)'),
        'retry/README.md': named('Retry with Backoff', 'Related', '- Nothing yet.'),
      }),
    ).toEqual([
      'outbox/README.md 11:11 warning `retry/README.md` (Retry with Backoff) is listed under See also but never mentions this pattern back: add `[Transactional Outbox](../outbox/README.md)` to its Related, or remove it from this list if the two are not related.',
      'saga/README.md 11:12 warning `outbox/README.md` (Transactional Outbox) is listed under Related but never mentions this pattern back: add `[Saga](../saga/README.md)` to its See also, or remove it from this list if the two are not related.',
    ]);
  });

  it('is satisfied by a link anywhere in B, or by A’s title in its text', async () => {
    expect(
      await warnings({
        'saga/README.md': pattern('Saga', '- [Outbox](../outbox/README.md)\n- [Retry](../retry/README.md)'),
        'outbox/README.md': pattern('Transactional Outbox', '- None.', 'Often used by a [saga](../saga/README.md#overview).'),
        'retry/README.md': pattern('Retry with Backoff', '- None.', 'Each step of a Saga may be retried.'),
      }),
    ).toEqual([]);
  });

  it('warns once per pattern listed, and not about Alternatives', async () => {
    expect(
      await warnings({
        'saga/README.md': `${pattern('Saga', '- [Outbox](../outbox/README.md)\n- [Outbox again](../outbox/README.md#overview)')}\n## Alternatives\n\n- [Retry](../retry/README.md)\n`,
        'outbox/README.md': pattern('Transactional Outbox', '- None.'),
        'retry/README.md': pattern('Retry with Backoff', '- None.'),
      }),
    ).toEqual([expect.stringMatching(/^saga\/README\.md 11:12 warning `outbox\/README\.md`/)]);
  });

  it('ignores links that are not patterns (related-pattern reports those)', async () => {
    expect(await warnings({ 'saga/README.md': pattern('Saga', '- [Ghost](../ghost/README.md)\n- [Web](https://example.org/)'), 'docs/x.md': '# X\n' })).toEqual([]);
  });
});
