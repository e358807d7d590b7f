import type { Range } from '../../markdown/lines.js';
import type { Block, MarkdownDocument, Section } from '../../markdown/types.js';
import { findPlaceholders } from '../../template/placeholders.js';
import { foldText } from '../../template/normalize.js';
import type { TemplateSchema, TemplateSection } from '../../template/types.js';
import { defineRule } from '../rule.js';
import { headingLabel, quote } from './_format.js';
import { allBlocks, fromTemplate, sectionsFor, topLevelSchema } from '../../template/lookup.js';

/** One labelled line: `- **GitHub**: [@octocat](https://github.com/octocat)`. */
interface Line {
  /** Label as written, folded (`github`). */
  label: string;
  labelText: string;
  /** Markdown after the label. */
  raw: string;
  line: number;
  range: Range;
}

type Role = 'name' | 'github' | 'email';

const LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(\*\*|__)?([^*_:\n]{1,40}?)\1?\s*:\s*(.*)$/;
const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export default defineRule({
  meta: {
    id: 'author',
    description: "The Author section names the author, with a GitHub handle and an e-mail address shaped like ones when given, none of them the template's samples.",
    severity: 'error',
    fixable: false,
  },
  check({ pattern, template, outline, report }) {
    const schema = topLevelSchema(template, ['author', 'authors']);
    if (!schema) return;
    const doc = pattern.document;
    const labels = fromTemplate(template, 'author-labels', () => templateLabels(template, schema));
    const nameLabel = labels.find((l) => l.role === 'name');

    const isSample = (value: string, role: Role): string | undefined => {
      const sample = labels.find((l) => l.role === role)?.sample;
      if (sample && foldText(sample) === foldText(value)) return sample;
      const hit = findPlaceholders(template.placeholders, value)[0];
      return hit?.text;
    };

    for (const section of sectionsFor(outline, schema)) {
      const lines = labelledLines(doc, section);
      const at = (line: Line, value: string) => position(doc, line, value);

      // Name.
      if (nameLabel) {
        const names = lines.filter((l) => roleOf(l.label) === 'name');
        if (names.length === 0) {
          report({
            message: `${headingLabel(section)} has no \`**${nameLabel.text}**:\` line: add \`- **${nameLabel.text}**: <who maintains this pattern>\`.`,
            range: section.heading.range,
          });
        }
        for (const line of names) {
          const value = plain(line.raw);
          const sample = value ? isSample(value, 'name') : undefined;
          if (!value) report({ message: `The author's name is empty: write who maintains this pattern after \`**${line.labelText}**:\`.`, ...at(line, '') });
          else if (sample)
            report({ message: `The author's name is still the template's sample ${quote(sample)}: write who maintains this pattern.`, ...at(line, value) });
          else if (/^\[[^\]]+\]$/.test(value))
            report({ message: `The author's name is still a placeholder ${quote(value)}: write who maintains this pattern.`, ...at(line, value) });
        }
      } else {
        // A template without labels: the section's text is the name.
        const text = section.blocks.filter((b) => b.kind !== 'html').length;
        if (text === 0 && section.children.length === 0)
          report({ message: `${headingLabel(section)} names no author: write who maintains this pattern.`, range: section.heading.range });
        for (const block of allBlocks(section.blocks)) {
          const value = block.kind === 'paragraph' ? block.text : '';
          const sample = value ? isSample(value, 'name') : undefined;
          if (sample) report({ message: `The author is still the template's sample ${quote(sample)}: write who maintains this pattern.`, range: block.range });
        }
      }

      // GitHub.
      for (const line of lines.filter((l) => roleOf(l.label) === 'github')) {
        const { text, url } = linkParts(line.raw);
        const shown = text || url || '';
        if (!shown) {
          report({ message: `The ${line.labelText} line is empty: write the handle as \`@handle\`, or remove the line.`, ...at(line, '') });
          continue;
        }
        const sample = isSample(shown, 'github') ?? (url ? isSample(url, 'github') : undefined);
        if (sample) {
          report({ message: `The GitHub handle is still the template's sample ${quote(sample)}: write the author's handle, or remove the line.`, ...at(line, shown) });
          continue;
        }
        let handle: string | undefined;
        if (text.startsWith('@')) handle = text.slice(1);
        else if (text) handle = githubUser(text);
        else handle = githubUser(url!);
        if (handle === undefined && text && HANDLE.test(text)) {
          report({ message: `GitHub handle ${quote(text)} should be written \`@${text}\`.`, ...at(line, text), expected: `@${text}`, actual: text });
          continue;
        }
        if (handle === undefined && !text) {
          report({ message: `The GitHub link ${quote(url!)} is not a github.com profile: link to \`https://github.com/<handle>\`.`, ...at(line, url!) });
          continue;
        }
        if (handle === undefined || !HANDLE.test(handle)) {
          report({
            message: `GitHub handle ${quote(shown)} is not shaped like one: write \`@\` and 1–39 letters, digits or single hyphens, not starting or ending with a hyphen.`,
            ...at(line, shown),
          });
          continue;
        }
        if (url !== undefined) {
          const linked = githubUser(url);
          if (linked === undefined) {
            report({
              message: `The GitHub link ${quote(url)} is not a github.com profile: link to \`https://github.com/${handle}\`.`,
              ...at(line, url),
              expected: `https://github.com/${handle}`,
              actual: url,
            });
          } else if (linked.toLowerCase() !== handle.toLowerCase()) {
            report({
              message: `The GitHub link points to \`${linked}\` but the handle is \`@${handle}\`: make them the same.`,
              ...at(line, url),
              expected: `https://github.com/${handle}`,
              actual: url,
            });
          }
        }
      }

      // E-mail.
      for (const line of lines.filter((l) => roleOf(l.label) === 'email')) {
        const { text, url } = linkParts(line.raw);
        const address = (text || url || '').replace(/^mailto:/i, '');
        if (!address) {
          report({ message: `The ${line.labelText} line is empty: write an address, or remove the line.`, ...at(line, '') });
          continue;
        }
        const sample = isSample(address, 'email');
        if (sample)
          report({
            message: `The e-mail address is still the template's sample ${quote(sample)}: write the author's address, or remove the line.`,
            ...at(line, address),
          });
        else if (!EMAIL.test(address)) report({ message: `${quote(address)} is not shaped like an e-mail address (name@domain.tld).`, ...at(line, address) });
        else if (url && /^mailto:/i.test(url) && url.slice(7).toLowerCase() !== address.toLowerCase() && EMAIL.test(url.slice(7))) {
          report({ message: `The e-mail link goes to ${quote(url.slice(7))} but shows ${quote(address)}: make them the same.`, ...at(line, address) });
        }
      }
    }
  },
});

/** The template's labels in its Author section (`**Name**: Your Name`), with their sample values. */
function templateLabels(template: TemplateSchema, schema: TemplateSection): { text: string; role: Role | undefined; sample: string }[] {
  const section = template.document.sections.find((s) => s.heading.range.start.line === schema.line);
  if (!section) return [];
  return labelledLines(template.document, section).map((l) => ({ text: l.labelText, role: roleOf(l.label), sample: plain(l.raw) }));
}

function roleOf(label: string): Role | undefined {
  if (/\bgit ?hub\b/.test(label)) return 'github';
  if (/\be ?mail\b|\bmail\b/.test(label)) return 'email';
  if (/\bname\b|^author$/.test(label)) return 'name';
  return undefined;
}

/** `Label: value` lines of a section's paragraphs and list items, each with its source line. */
function labelledLines(doc: MarkdownDocument, section: Section): Line[] {
  const out: Line[] = [];
  const consider = (raw: string, range: Range): void => {
    raw.split('\n').forEach((text, i) => {
      const m = LABEL.exec(text);
      if (!m || !m[2]) return;
      const line = range.start.line + i;
      // `**Name:** Jane` puts the colon inside the bold.
      const raw = m[3]!.replace(/^(\*\*|__)\s*/, '').trim();
      out.push({ label: foldText(m[2]), labelText: m[2].trim(), raw, line, range: doc.lines.linesRange(line, line) });
    });
  };
  const visit = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') consider(block.raw, block.range);
      else if (block.kind === 'list')
        for (const item of block.items) {
          if (item.raw) consider(item.raw, item.range);
          visit(item.blocks.slice(1));
        }
      else if (block.kind === 'blockquote') visit(block.blocks);
    }
  };
  visit(section.blocks);
  return out;
}

/** `[@octocat](https://github.com/octocat)` → text and URL; `<a@b.c>` → text; plain text as it is. */
function linkParts(raw: string): { text: string; url?: string } {
  const link = /^\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)$/.exec(raw.trim());
  if (link) return { text: link[1]!.replace(/`/g, '').trim(), url: link[2]! };
  const auto = /^<([^>]+)>$/.exec(raw.trim());
  if (auto) return /^https?:/i.test(auto[1]!) ? { text: '', url: auto[1]! } : { text: auto[1]! };
  const text = raw.replace(/`/g, '').trim();
  return /^https?:\/\//i.test(text) ? { text: '', url: text } : { text };
}

/** The user of a `https://github.com/<user>` URL (or `github.com/<user>` text). */
function githubUser(url: string): string | undefined {
  return /^(?:https?:\/\/)?(?:www\.)?github\.com\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(url.trim())?.[1];
}

/** Markdown of a value as plain text: links to their text, emphasis and code marks removed. */
function plain(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** The line, and the value's column when it can be found in it. */
function position(doc: MarkdownDocument, line: Line, value: string): { line: number; column?: number } {
  const text = doc.lines.lineText(line.line);
  const at = value ? text.indexOf(value) : -1;
  return at >= 0 ? { line: line.line, column: at + 1 } : { line: line.line, column: Math.max(1, text.search(/\S/) + 1) };
}
