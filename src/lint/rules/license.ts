import { resolveReference } from '../../catalog/links.js';
import type { Range } from '../../markdown/lines.js';
import type { Block, Link, Section } from '../../markdown/types.js';
import { findPlaceholders } from '../../template/placeholders.js';
import { foldText } from '../../template/normalize.js';
import { defineRule, type Report } from '../rule.js';
import { headingLabel, quote } from './_format.js';
import { allBlocks, fromTemplate, sectionOfTemplate, sectionsFor, topLevelSchema } from '../../template/lookup.js';
import { flattenSections } from '../../template/walk.js';
import { knownLicense, looksLikeExpression, parseExpression, suggestLicense } from './_spdx.js';

interface Unit {
  text: string;
  range: Range;
}

export default defineRule({
  meta: {
    id: 'license',
    description:
      'The License section names a valid SPDX license identifier or expression, or links to a license file that exists (a warning where the template asks for the licence in words).',
    severity: 'error',
    fixable: false,
  },
  check({ pattern, catalog, template, outline, files, report }) {
    const schema = topLevelSchema(template, ['license', 'licence']);
    if (!schema) return;
    const doc = pattern.document;
    // (The words the template itself writes there, read once per template.)
    const prescribed = fromTemplate(template, 'license words', () => {
      const own = sectionOfTemplate(template, schema);
      return new Set(
        own
          ? textUnits(own)
              .map((u) => foldText(clean(u.text)))
              .filter(Boolean)
          : [],
      );
    });

    // (Sub-sections that are the template's own sections under it, `## Goals` under `# Licence`: their
    // text is theirs, not the license's.)
    const own = new Set(flattenSections(schema.children).map((c) => c.id));
    const parts = new Set(outline.all.filter((m) => own.has(m.schema.id)).flatMap((m) => m.sections));
    const inOwnPart = (r: Range) => [...parts].some((p) => r.start.offset >= p.range.start.offset && r.end.offset <= p.range.end.offset);
    // (Whether the template shows an identifier or expression in the section, or links a license file.)
    const spdxAsked = fromTemplate(template, 'license asks SPDX', () => {
      const sample = sectionOfTemplate(template, schema);
      if (!sample) return true;
      if (sample.blocks.some((b) => b.kind === 'paragraph' && /\]\(/.test(b.raw))) return true;
      return textUnits(sample).some((u) => {
        const text = clean(u.text);
        return words(text).some((w) => knownLicense(w)) || (looksLikeExpression(text) && parseExpression(text).ok) || /\bspdx\b/i.test(u.text);
      });
    });
    for (const section of sectionsFor(outline, schema)) {
      const within = (r: Range) => r.start.offset >= section.range.start.offset && r.end.offset <= section.range.end.offset;
      let templateText = false;
      const units = textUnits(section, parts).filter((u) => {
        const left = findPlaceholders(template.placeholders, u.text).length > 0;
        templateText ||= left;
        return !left;
      });

      // A link to a license file that exists is enough; so is one to a license's page named by its SPDX
      // identifier (`https://opensource.org/licenses/BSD-2-Clause`), as the template may write it.
      const broken: Link[] = [];
      let linked = false;
      for (const link of doc.links.filter((l) => within(l.range) && !inOwnPart(l.range))) {
        if (/^https?:\/\//i.test(link.url) && licenseInUrl(link.url)) {
          linked = true;
          continue;
        }
        const target = resolveReference(link.url, pattern.file, catalog.root);
        if (target.kind !== 'local' || target.file === pattern.file) continue;
        if (files.stat(target.file)?.isFile) linked = true;
        else broken.push(link);
      }
      if (linked) continue;

      const problems: Report[] = [];
      let valid = false;
      for (const unit of units) {
        const text = clean(unit.text);
        // (A copyright line names the holder, not the license — unless it names one too: `Copyright and
        // related rights waived via CC0.`)
        if (!text || (COPYRIGHT.test(text) && !words(text).some((w) => knownLicense(w)))) continue;
        // The words the template itself sets there for every pattern (`Released into the public
        // domain.`): the catalog's license, whatever SPDX calls it.
        if (prescribed.has(foldText(text))) {
          valid = true;
          continue;
        }
        if (looksLikeExpression(text)) {
          const result = parseExpression(text);
          if (result.ok) valid = true;
          else {
            const near = result.unknown ? suggestLicense(result.unknown) : undefined;
            problems.push({
              message: `License ${quote(text)} is not a valid SPDX expression: ${result.problem}.${near && near !== text ? ` Did you mean \`${near}\`?` : ''}`,
              range: unit.range,
              ...(near ? { expected: near } : {}),
              actual: text,
            });
          }
          continue;
        }
        // Prose: any identifier in it will do ("Released under MIT."); so does a dedication to the public
        // domain, a license statement of its own.
        if (words(text).some((w) => knownLicense(w)) || /\bpublic domain\b/i.test(text)) {
          valid = true;
          continue;
        }
        const near = suggestLicense(text);
        problems.push({
          message: near
            ? `License ${quote(text)} is not an SPDX identifier: did you mean \`${near}\`?`
            : `License ${quote(text)} is not an SPDX identifier or expression: write one such as \`MIT\` or \`Apache-2.0\` (\`LicenseRef-<name>\` for your own license), or link to the license file.`,
          range: unit.range,
          ...(near ? { expected: near } : {}),
          actual: text,
        });
      }
      if (valid) continue;

      for (const link of broken) {
        report({
          message: `The license link ${quote(link.url)} points to a file that does not exist: fix the link, or write an SPDX identifier such as \`MIT\`.`,
          range: link.range,
        });
      }
      if (broken.length > 0) continue;
      if (problems.length > 0) {
        // (Where the template shows no SPDX identifier there, "State the licence in words", an
        // identifier is Patternbook's wish, not the catalog's: a warning.)
        problems.forEach((p) => report(spdxAsked ? p : { ...p, warning: true }));
        continue;
      }
      report({
        message: `${headingLabel(section)} names no license${templateText ? " (only the template's text is there)" : ''}: write an SPDX identifier or expression such as \`MIT\`, \`Apache-2.0\` or \`MIT OR Apache-2.0\`, or link to the license file.`,
        range: section.heading.range,
      });
    }
  },
});

/** `Copyright 2022 Example Crew`, `© 2021 …`, `(c) …`. */
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s)/i;

/**
 * The SPDX identifier a license page's address ends in (`…/licenses/BSD-2-Clause`, `…/licenses/MIT.html`),
 * or that a Creative Commons deed's address names (`creativecommons.org/publicdomain/zero/1.0/` is
 * `CC0-1.0`, `…/licenses/by-sa/4.0/` is `CC-BY-SA-4.0`).
 */
function licenseInUrl(url: string): string | undefined {
  const cc = /^https?:\/\/(?:www\.)?creativecommons\.org\/(?:publicdomain\/(zero)|licenses\/(by(?:-(?:nc|sa|nd))*))\/(\d\.\d)\b/i.exec(url);
  if (cc) return knownLicense(cc[1] ? `CC0-${cc[3]}` : `CC-${cc[2]!.toUpperCase()}-${cc[3]}`);
  const last =
    url
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .at(-1) ?? '';
  return knownLicense(decodeURIComponent(last).replace(/\.(?:html?|txt|php)$/i, ''));
}

/** Paragraphs, list items and quotes of a section and its sub-sections (but `skip`, the template's own sections under it). */
function textUnits(section: Section, skip: ReadonlySet<Section> = new Set()): Unit[] {
  const units: Unit[] = [];
  const visit = (blocks: Block[]): void => {
    for (const block of allBlocks(blocks)) {
      if (block.kind === 'paragraph') units.push({ text: block.text, range: block.range });
      else if (block.kind === 'list') for (const item of block.items) if (item.text) units.push({ text: item.text, range: item.range });
    }
  };
  visit(section.blocks);
  const children = (s: Section): void => s.children.forEach((c) => !skip.has(c) && (visit(c.blocks), children(c)));
  children(section);
  // List items' first paragraphs are units already; drop their duplicates.
  return units.filter((u, i) => !units.some((o, j) => j < i && o.text === u.text && o.range.start.line <= u.range.start.line && o.range.end.line >= u.range.end.line));
}

/** `License: MIT.` → `MIT`; quotes, backticks, a label and a final full stop do not count. */
function clean(text: string): string {
  return text
    .trim()
    .replace(/^(?:SPDX-License-Identifier|License|Licence)\s*:\s*/i, '')
    .replace(/[`"“”']/g, '')
    .replace(/[.;,!]+$/, '')
    .trim();
}

function words(text: string): string[] {
  return text
    .split(/[\s,;/]+/)
    .map((w) => w.replace(/^[("'“`]+|[)"'”`.:!?]+$/g, ''))
    .filter(Boolean);
}
