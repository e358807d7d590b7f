import { describe, expect, it } from 'vitest';
import { analyze, words } from '../../src/search/analyze.js';
import { excerpt, plainText } from '../../src/search/excerpt.js';
import { Synonyms } from '../../src/search/synonyms.js';

describe('analysis', () => {
  it('brings the forms of a word to one term', () => {
    expect(new Set(analyze('fails failing failed'))).toEqual(new Set(analyze('fail')));
    expect(analyze('Retries')).toEqual(analyze('retry'));
    expect(analyze('Connections')).toEqual(analyze('connection'));
  });

  it('drops function words but keeps the ones that carry a problem', () => {
    expect(analyze('the API is down and not fast')).toEqual(['api', 'down', 'not', 'fast']);
  });

  it('splits on punctuation, hyphens and underscores, folds case and accents', () => {
    expect(words('Cache-Aside order_id Café NAÏVE')).toEqual(['cache', 'aside', 'order', 'id', 'cafe', 'naive']);
    expect(words(`x ${'a'.repeat(41)} y`)).toEqual(['x', 'y']);
  });

  it('keeps numbers as they are', () => {
    expect(analyze('HTTP 503 and 429s')).toEqual(['http', '503', '429s']);
  });
});

describe('synonyms', () => {
  const synonyms = new Synonyms([
    ['undo', 'roll back', 'compensate'],
    ['k8s', 'kubernetes'],
  ]);
  const expand = (q: string) => synonyms.expand(analyze(q), 0.4);

  it('adds the other words of a group whose word or phrase the question has, with the weight given', () => {
    expect(expand('how to undo a payment')).toEqual([
      { term: 'roll', weight: 0.4 },
      { term: 'back', weight: 0.4 },
      ...analyze('compensate').map((term) => ({ term, weight: 0.4 })),
    ]);
    expect(expand('we roll back orders').map((t) => t.term)).toEqual([...analyze('undo'), ...analyze('compensate')]);
  });

  it('needs a phrase in a row, and adds nothing the question has', () => {
    expect(expand('roll the dice back')).toEqual([]);
    expect(expand('k8s kubernetes')).toEqual([]);
  });

  it('adds the built-in groups to a catalog’s own', () => {
    const terms = Synonyms.forCatalog([['cdc', 'change data capture']])
      .expand(analyze('cdc with retries'), 0.4)
      .map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining([...analyze('change data capture'), ...analyze('try again')]));
  });
});

describe('excerpts', () => {
  it('shows the text a reader sees: no code blocks, link targets, emphasis or table rules', () => {
    const md = 'Use **the** [breaker](../cb/README.md) and `MAX_RETRIES`.\n\n```bash\nrm -rf /\n```\n\n| a | b |\n|---|---|\n| x | y |\n\n- [ ] a task\n<!-- note -->';
    expect(plainText(md)).toBe('Use the breaker and MAX_RETRIES. a b x y a task');
  });

  it('drops a code block that is never closed, to the end of the text', () => {
    expect(plainText('Before.\n\n```js\nconst secret = 1;\nmore();')).toBe('Before.');
  });

  it('starts near the first word of the question, with ellipses where it cuts', () => {
    const long = `${'Filler words here. '.repeat(20)}The circuit opens after five failures. ${'More filler after it. '.repeat(20)}`;
    const text = excerpt(long, new Map([[analyze('circuit')[0]!, 1]]));
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('The circuit opens after five failures.');
    expect(text.length).toBeLessThanOrEqual(202);
  });
});
