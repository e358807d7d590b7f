import { describe, expect, it } from 'vitest';
import { byName } from '../../src/site/pages/home.js';
import type { PageMeta } from '../../src/site/model.js';
import { naturalCompare } from '../../src/util/natural-order.js';

describe('naturalCompare', () => {
  it('orders numbers by value and letters without regard to case', () => {
    const titles = ['10. Lanes', '2. Events', '1. Logging', 'rfc 10', 'RFC 9', 'Alpha', 'alpha', 'beta'];
    expect([...titles].sort(naturalCompare)).toEqual(['1. Logging', '2. Events', '10. Lanes', 'Alpha', 'alpha', 'beta', 'RFC 9', 'rfc 10']);
  });

  it('is a total order: equal values written differently keep one place', () => {
    expect(naturalCompare('ADR 007', 'ADR 7')).toBeLessThan(0);
    expect(naturalCompare('ADR 7', 'ADR 007')).toBeGreaterThan(0);
    expect(naturalCompare('same', 'same')).toBe(0);
  });

  it('is the home page order of numbered titles', () => {
    const page = (slug: string, title: string) => ({ slug, title }) as PageMeta;
    const pages = [page('a10', 'ADR 10: Lanes'), page('a2', 'ADR 2: Events'), page('a1', 'ADR 1: Logging')];
    expect(byName(pages).map((p) => p.slug)).toEqual(['a1', 'a2', 'a10']);
  });
});
