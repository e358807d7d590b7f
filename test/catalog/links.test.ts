import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLinkPath, partDocuments, resolveReference } from '../../src/catalog/links.js';
import { linkedFile } from '../../src/scaffold/adopt-scan.js';
import { tempCatalog } from '../helpers.js';

describe('links to the catalog’s files, read one way by every reader', () => {
  it('decodes every percent-escape of a path, and keeps one that does not decode as written', () => {
    expect(decodeLinkPath('my%20notes.md')).toBe('my notes.md');
    // (`%23` is `#` in a file's name: a decoding that keeps reserved characters escaped would miss the file.)
    expect(decodeLinkPath('c%23-notes.md')).toBe('c#-notes.md');
    expect(decodeLinkPath('100%.md')).toBe('100%.md');
  });

  it('the link rule’s reading, a pattern’s parts and init --adopt’s lists find the same file', async () => {
    const root = await tempCatalog({
      'shipping/README.md': '# Shipping\n\n[Part one](parts/c%23%20notes.md)\n',
      'shipping/parts/c# notes.md': '# Notes\n',
    });
    const readme = path.join(root, 'shipping', 'README.md');
    const part = path.join(root, 'shipping', 'parts', 'c# notes.md');
    const resolved = resolveReference('parts/c%23%20notes.md#top', readme, root);
    expect(resolved).toEqual({ kind: 'local', file: part, anchor: 'top', outside: false });
    expect(partDocuments({ file: readme, dir: path.dirname(readme), links: [{ url: 'parts/c%23%20notes.md' }] }, () => false)).toEqual([part]);
    expect(linkedFile('shipping', 'parts/c%23%20notes.md?plain=1')).toBe('shipping/parts/c# notes.md');
    expect(linkedFile('shipping', '/shipping/parts/c%23%20notes.md')).toBe('shipping/parts/c# notes.md');
  });
});
