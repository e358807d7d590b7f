import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { catalogJsonSchema } from '../../src/export/schema.js';
import { buildSite } from '../../src/site/build.js';
import { REPO, fixture, runCli, tempCatalog } from '../helpers.js';

const EXAMPLES = path.join(REPO, 'examples/catalog');
const SCHEMA_FILE = path.join(REPO, 'schema/catalog.schema.json');

async function validator() {
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as object;
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

interface Exported {
  patterns: {
    slug: string;
    title: string;
    sections: { heading: string; level: number; text: string }[];
    parameters: { name: string; required: boolean; default?: string }[];
    relations: { related: string[]; alternatives: string[]; backlinks: string[] };
    changelog: { version?: string; date?: string }[];
    license?: string;
    author?: string;
    lint: { errors: number; warnings: number };
    verification: { status: string };
  }[];
}

describe('patternbook export --format json', () => {
  it('ships a JSON Schema that is the one the code describes (npm run schema rewrites it)', async () => {
    expect(JSON.parse(await readFile(SCHEMA_FILE, 'utf8'))).toEqual(catalogJsonSchema());
  });

  it('exports the example catalog as documents the shipped schema accepts, with every part the issue lists', async () => {
    const r = await runCli(['export', EXAMPLES], REPO);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as Exported;
    const validate = await validator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.patterns).toHaveLength(8);
    const saga = data.patterns.find((p) => p.slug === 'saga')!;
    expect(saga.title).toBe('Saga');
    expect(saga.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['Overview', 'Implementation', 'Cleanup', 'Changelog']));
    expect(saga.sections.find((s) => s.heading === 'Overview')!.text).toMatch(/\w/);
    // A section's text is its own: the Implementation section's text holds no step of its own sub-sections.
    expect(saga.sections.find((s) => s.heading === 'Implementation')!.text).not.toMatch(/^### /m);
    expect(saga.parameters.length).toBeGreaterThan(0);
    expect(saga.parameters.every((p) => typeof p.required === 'boolean')).toBe(true);
    expect(saga.relations.related).toContain('transactional-outbox');
    expect(saga.relations.backlinks).toContain('transactional-outbox');
    expect(saga.changelog[0]).toMatchObject({ version: '1.0.0', date: '2026-11-26' });
    expect(saga.license).toBe('MIT');
    expect(saga.author).toMatch(/Patternbook Maintainers/);
    expect(saga.lint).toEqual({ errors: 0, warnings: 0 });
    expect(['passed', 'failed', 'never']).toContain(saga.verification.status);
  });

  it('validates on catalogs with other template shapes (one file per pattern, front matter titles; named sections)', async () => {
    const validate = await validator();
    for (const name of ['one-file', 'named', 'basic']) {
      const r = await runCli(['export', fixture('catalogs', name)], REPO);
      const data = JSON.parse(r.stdout) as Exported;
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(data.patterns.length, name).toBeGreaterThan(0);
    }
  });

  it('gives the same bytes every time, and the built site publishes exactly it as catalog.json', async () => {
    const first = await runCli(['export', EXAMPLES], REPO);
    const second = await runCli(['export', EXAMPLES], REPO);
    expect(second.stdout).toBe(first.stdout);
    const out = path.join(await tempCatalog(), 'site');
    await buildSite({ root: EXAMPLES, out });
    expect(await readFile(path.join(out, 'catalog.json'), 'utf8')).toBe(first.stdout);
  });

  it('gives each summary as the site shows it: a lead-in to a link set on its own line dropped, back to the sentence before it', async () => {
    const root = await tempCatalog({
      'queues/README.md': '# Queues\n\nUse the broker crate from now on. Its new home is at:\n\n<https://example.org/broker>\n\nThe broker batches writes.\n',
    });
    const r = await runCli(['export', root], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { patterns: { summary?: string }[] }).patterns[0]!.summary).toBe('Use the broker crate from now on.');
  });

  it('writes atomically to --out', async () => {
    const dir = await tempCatalog();
    const r = await runCli(['export', EXAMPLES, '--out', path.join(dir, 'catalog.json')], REPO);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'catalog.json'), 'utf8'))).toHaveProperty('format', 'patternbook-catalog');
  });
});

describe('patternbook export: csv, backstage, llms', () => {
  const catalog = () =>
    tempCatalog({
      'patternbook.config.yaml': 'site:\n  title: Team catalog\n  url: https://example.org/patterns/\n  repoUrl: https://github.com/acme/patterns\n',
      'alpha/README.md':
        '---\ntags: [Fault Tolerance, remote calls]\nstatus: stable\nowner: group:platform\n---\n# =HYPERLINK("http://evil")\n\n> Says "hello", then, stops.\n\n## Related Patterns\n\n- [Beta](../beta/README.md)\n',
      'beta/README.md': '# Beta\n\n> Waits, then tries again.\n\n## Related Patterns\n\n- [Alpha](../alpha/README.md)\n',
    });

  it('csv: a header and a row per pattern, quoted where needed, formulas defused', async () => {
    const root = await catalog();
    const r = await runCli(['export', root, '-f', 'csv'], REPO);
    const lines = r.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^slug,title,summary,path,url,/);
    expect(lines).toHaveLength(3);
    // The title starting with = is text, not a formula; quotes doubled, commas kept inside quotes.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('"Says ""hello"", then, stops."');
    expect(lines[1]).toContain('https://example.org/patterns/patterns/alpha/');
    expect(lines[1]).toContain('Fault Tolerance; remote calls');
  });

  it('backstage: one valid entity per pattern, owner from front matter or --owner, links to the page and the source', async () => {
    const root = await catalog();
    const r = await runCli(['export', root, '-f', 'backstage', '--owner', 'group:architecture'], REPO);
    const docs = parseAllDocuments(r.stdout).map(
      (d) =>
        d.toJS() as {
          apiVersion: string;
          kind: string;
          metadata: { name: string; tags?: string[]; links?: { url: string }[]; annotations: Record<string, string> };
          spec: { type: string; owner: string };
        },
    );
    expect(docs).toHaveLength(2);
    for (const d of docs) {
      expect(d.apiVersion).toBe('backstage.io/v1alpha1');
      expect(d.kind).toBe('Resource');
      expect(d.metadata.name).toMatch(/^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/);
      expect(d.spec.type).toBe('architecture-pattern');
    }
    expect(docs[0]!.spec.owner).toBe('group:platform');
    expect(docs[1]!.spec.owner).toBe('group:architecture');
    expect(docs[0]!.metadata.tags).toEqual(['fault-tolerance', 'remote-calls']);
    expect(docs[0]!.metadata.links!.map((l) => l.url)).toEqual([
      'https://example.org/patterns/patterns/alpha/',
      'https://github.com/acme/patterns/blob/main/alpha/README.md',
    ]);
    expect(docs[0]!.metadata.annotations['patternbook.dev/related']).toBe('beta');
  });

  it('llms: an llms.txt index to standard output; with --out, the index and the full text beside it', async () => {
    const root = await catalog();
    const r = await runCli(['export', root, '-f', 'llms'], REPO);
    expect(r.stdout).toMatch(/^# Team catalog\n\n> 2 architecture patterns/);
    expect(r.stdout).toContain('- [Beta](https://example.org/patterns/patterns/beta/): Waits, then tries again.');
    const dir = await tempCatalog();
    await runCli(['export', root, '-f', 'llms', '--out', path.join(dir, 'llms.txt')], REPO);
    expect(await readFile(path.join(dir, 'llms.txt'), 'utf8')).toBe(r.stdout);
    const full = await readFile(path.join(dir, 'llms-full.txt'), 'utf8');
    expect(full).toContain('<!-- pattern: alpha (https://example.org/patterns/patterns/alpha/) -->');
    // Front matter is left out; the text is there.
    expect(full).not.toContain('owner: group:platform');
    expect(full).toContain('- [Alpha](../alpha/README.md)');
  });
});

describe('patternbook graph', () => {
  const catalog = () =>
    tempCatalog({
      'a/README.md': '# A\n\n> A.\n\n## Related Patterns\n\n- [B](../b/README.md)\n- [C](../c/README.md)\n\n## Alternatives\n\n- [D](../d/README.md)\n',
      'b/README.md': '# B\n\n> B.\n\n## Related Patterns\n\n- [A](../a/README.md)\n',
      'c/README.md': '# C "quoted"\n\n> C.\n',
      'd/README.md': '# D\n\n> D.\n\n## Related Patterns\n\n- [E](../e/README.md)\n',
      'e/README.md': '# E\n\n> E.\n',
    });

  it('json: nodes with titles, typed edges, reciprocal ones once', async () => {
    const r = await runCli(['graph', await catalog(), '-f', 'json'], REPO);
    const graph = JSON.parse(r.stdout) as { nodes: { slug: string; title: string }[]; edges: { from: string; to: string; kind: string; reciprocal: boolean }[] };
    expect(graph.nodes.map((n) => n.slug)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(graph.edges).toEqual([
      { from: 'a', to: 'b', kind: 'related', reciprocal: true },
      { from: 'a', to: 'c', kind: 'related', reciprocal: false },
      { from: 'a', to: 'd', kind: 'alternative', reciprocal: false },
      { from: 'd', to: 'e', kind: 'related', reciprocal: false },
    ]);
  });

  it('mermaid and dot draw one-way and reciprocal, related and alternative differently', async () => {
    const root = await catalog();
    const mermaid = (await runCli(['graph', root], REPO)).stdout;
    expect(mermaid).toMatch(/^flowchart LR\n/);
    expect(mermaid).toContain('p2["C #quot;quoted#quot;"]');
    expect(mermaid).toContain('p0 <--> p1');
    expect(mermaid).toContain('p0 --> p2');
    expect(mermaid).toContain('p0 -.->|alternative| p3');
    const dot = (await runCli(['graph', root, '-f', 'dot'], REPO)).stdout;
    expect(dot).toContain('"a" -> "b" [dir=both];');
    expect(dot).toContain('"a" -> "c";');
    expect(dot).toContain('"a" -> "d" [style=dashed, label="alternative"];');
    expect(dot).toContain('"c" [label="C \\"quoted\\""];');
  });

  it('--focus keeps a pattern and its neighbourhood to --depth; an unknown slug is a usage error', async () => {
    const root = await catalog();
    const slugs = async (depth: string) =>
      (JSON.parse((await runCli(['graph', root, '-f', 'json', '--focus', 'd', '--depth', depth], REPO)).stdout) as { nodes: { slug: string }[] }).nodes.map(
        (n) => n.slug,
      );
    expect(await slugs('0')).toEqual(['d']);
    expect(await slugs('1')).toEqual(['a', 'd', 'e']);
    expect(await slugs('2')).toEqual(['a', 'b', 'c', 'd', 'e']);
    const bad = await runCli(['graph', root, '--focus', 'nope'], REPO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--focus nope');
  });
});

describe('graph and report on catalogs with other template shapes', () => {
  it('read one-file-per-pattern and named-section catalogs', async () => {
    for (const name of ['one-file', 'named']) {
      const root = fixture('catalogs', name);
      const graph = JSON.parse((await runCli(['graph', root, '-f', 'json'], REPO)).stdout) as { nodes: { slug: string }[] };
      const exported = JSON.parse((await runCli(['export', root], REPO)).stdout) as Exported;
      expect(
        graph.nodes.map((n) => n.slug),
        name,
      ).toEqual(exported.patterns.map((p) => p.slug));
      const report = await runCli(['report', root, '-f', 'json'], REPO);
      const data = JSON.parse(report.stdout) as { patterns: { slug: string; score: number }[] };
      expect(
        data.patterns.map((p) => p.slug),
        name,
      ).toEqual(exported.patterns.map((p) => p.slug));
    }
  });
});

describe('relations of every kind', () => {
  it('reads a See also section as related, body links as mentions, and shows mentions in the export and the graph', async () => {
    const dir = await tempCatalog({
      'saga/README.md':
        '# Saga\n\n> Local steps.\n\n## Overview\n\nPair it with the [outbox](../outbox/README.md) to publish events.\n\n## See also\n\n- [Breaker](../breaker/README.md)\n',
      'outbox/README.md': '# Outbox\n\n> Events with the data.\n\n## Overview\n\nText.\n',
      'breaker/README.md': '# Breaker\n\n> Stops calls.\n\n## Related Patterns (optional)\n\n- [Saga](../saga/)\n',
    });
    const json = await runCli(['export', dir, '--format', 'json'], dir);
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout) as { patterns: { slug: string; relations: Record<string, string[]> }[] };
    expect(Object.fromEntries(data.patterns.map((p) => [p.slug, p.relations]))).toEqual({
      breaker: { related: ['saga'], alternatives: [], mentions: [], backlinks: ['saga'] },
      outbox: { related: [], alternatives: [], mentions: [], backlinks: ['saga'] },
      saga: { related: ['breaker'], alternatives: [], mentions: ['outbox'], backlinks: ['breaker'] },
    });
    expect((await validator())(data)).toBe(true);
    const graph = await runCli(['graph', dir, '--format', 'dot'], dir);
    expect(graph.stdout).toContain('"saga" -> "outbox" [style=dotted, label="mention"];');
    expect(graph.stdout).toContain('"breaker" -> "saga" [dir=both];');
  });
});
