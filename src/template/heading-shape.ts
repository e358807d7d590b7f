import { escapeRegExp, foldHeading } from './normalize.js';

/**
 * The shape of a template heading: which parts are fixed words and which vary.
 * `Step 1: [First Step Title]` has the shape `Step N: <title>`;
 * `Version 1.0.0 (2024-01-15)` has the shape `Version <semver> (<date>)`.
 */
export interface HeadingShape {
  /** Display name with the variable parts named. */
  name: string;
  /** Regular-expression source matching folded heading text of this shape. */
  source: string;
  /** Has a number, a version or a date: an instance of a series. */
  numbered: boolean;
  versioned: boolean;
  /** Has a bracketed placeholder. */
  placeholder: boolean;
}

const PARTS =
  /(\[[^\]\n]+\])|(\bv?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\b)|(\b\d{4}-\d{2}-\d{2}\b)|(\b\d+\b)|(\s*[:\-–—]\s*)|(\s+)/gu;

export function headingShape(text: string): HeadingShape {
  let name = '';
  let source = '';
  let numbered = false;
  let versioned = false;
  let placeholder = false;
  let last = 0;
  const literal = (s: string): void => {
    name += s;
    source += escapeRegExp(foldHeading(s));
  };
  for (const m of text.matchAll(PARTS)) {
    literal(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1]) {
      placeholder = true;
      name += placeholderName(m[1]);
      source += '(.+?)';
    } else if (m[2]) {
      versioned = true;
      name += '<semver>';
      source += 'v?\\d+\\.\\d+\\.\\d+(?:[-+][0-9a-z.-]+)?';
    } else if (m[3]) {
      versioned = true;
      name += '<date>';
      source += '\\d{4}-\\d{2}-\\d{2}';
    } else if (m[4]) {
      numbered = true;
      name += 'N';
      source += '\\d+';
    } else if (m[5]) {
      name += m[5];
      // "Step 1: Title", "Step 1 - Title" and "Step 1 Title" are the same heading.
      source += '\\s*[:-]?\\s*';
    } else {
      name += ' ';
      source += '\\s+';
    }
  }
  literal(text.slice(last));
  return { name: name.trim(), source: source.replace(/(\\s\*\[:-\]\?\\s\*)+$/, ''), numbered, versioned, placeholder };
}

function placeholderName(bracketed: string): string {
  const inner = bracketed.slice(1, -1).trim();
  return /title$/i.test(inner) ? '<title>' : `<${inner.toLowerCase()}>`;
}

/** Anchored matcher for a heading shape and any accepted alternative names. */
export function headingMatcher(shape: HeadingShape, aliases: readonly string[] = []): RegExp {
  const alternatives = [shape.source, ...aliases.map((a) => headingShape(a).source)];
  return new RegExp(`^(?:${alternatives.join('|')})$`, 'u');
}
