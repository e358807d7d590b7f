import { findPlaceholders } from '../../template/placeholders.js';
import { frontMatterKey, frontMatterValue, lateFrontMatter } from '../../markdown/front-matter.js';
import { foldHeading, foldText } from '../../template/normalize.js';
import { opensWithTitle } from '../../catalog/title-line.js';
import { DOCUMENT_PARTS } from '../../template/document-parts.js';
import type { Heading, MarkdownDocument, Section } from '../../markdown/types.js';
import { plainRange, type Range } from '../../markdown/lines.js';
import { houseRules } from '../../catalog/house-rules.js';
import type { Pattern } from '../../catalog/types.js';
import type { OutlineMatch } from '../../template/match-outline.js';
import type { TemplateSchema } from '../../template/types.js';
import { outlineOff, underHalf } from '../../template/match-outline.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { declaredDate } from '../../catalog/declared-date.js';
import { isVisible } from './_blocks.js';
import { quote } from './_format.js';
import { fromTemplatePlace, placeholderLike, titleLeftover } from './_title.js';

/** What `collect` keeps of a pattern: its findings, the one that an older layout explains marked. */
interface TitleFindings {
  reports: Finding[];
  /** The earliest date the pattern gives itself (see `declaredDate`), where a finding of its title's level may be of its era. */
  declared?: number;
}

/**
 * A finding as `collect` keeps it. `guess`: the title is the template's
 * sample, which is no placeholder by its marks or words (see `placeholderLike`):
 * a warning where this pattern alone has it (it may be the title of the
 * pattern the template was copied from), the error `error` where several do.
 */
type Finding = Report & { layout?: true; second?: true; own?: true; untitled?: true; era?: true; plainLine?: true; guess?: { sample: string; error: string } };

/** Said of a finding that is a warning because the file may follow another template. */
const LOOSE = ' (This file has under half of the template’s sections: it may follow another template, so this is a warning.)';
/** Said of a missing title where the configuration asks for one without requiring it. */
const RECOMMENDED = ' (The configuration makes the title recommended, `title.recommended`: a warning.)';

export default defineCatalogRule({
  meta: {
    id: 'title',
    description:
      "The pattern has exactly one title, where the template puts it (H1, front matter or the line under a `## Title` section), and it is not the template's placeholder or sample.",
    severity: 'error',
    fixable: false,
    // Whether a pattern without a title follows a layout the catalog keeps (see `check`) depends on the others.
    scope: 'catalog',
  },
  collect({ pattern, template, outline }): TitleFindings {
    const reports: TitleFindings['reports'] = [];
    findings(pattern, template, outline, (r) => reports.push(r));
    const declared = reports.some((r) => r.era && !r.warning) ? declaredDate(pattern) : undefined;
    return { reports, ...(declared !== undefined ? { declared } : {}) };
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const mine = collected<TitleFindings>(pattern);
    if (!mine) return;
    // A title at another level in a pattern written before the template's first version (its git
    // history, or the date it gives itself): the layout of its time, as required-section says of the
    // sections the template asked for later. A warning that says so.
    const beforeTemplate = (): string | undefined => {
      const history = index.templateHistory(catalog.templates.for(pattern.path));
      const written = history?.written(pattern.path, mine.declared);
      return history && written !== undefined && written < history.first ? new Date(history.first).toISOString().slice(0, 10) : undefined;
    };
    // Patterns with no title whose sections are written one level up (`# Summary` first): the layout
    // of the catalog's older template, when many of its patterns keep it. Then it is no error of one
    // pattern's: a warning that says how many keep it.
    const layout = memo('older layout', () => {
      const all = catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => collected<TitleFindings>(p));
      return { count: all.filter((f) => f?.reports.some((r) => r.layout)).length, of: all.length };
    });
    const kept = layout.count >= 3 && layout.count * 10 >= layout.of;
    // Patterns whose title is the title line without its `#` (`Proposal: Robot accounts` as plain text),
    // where enough of the catalog writes it so (a tenth, three at least): a way of the catalog's, a
    // warning that says how many.
    const plainLines = memo('plain title lines', () => {
      const all = catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => collected<TitleFindings>(p));
      return { count: all.filter((f) => f?.reports.some((r) => r.plainLine)).length, of: all.length };
    });
    const plainKept = plainLines.count >= 3 && plainLines.count * 10 >= plainLines.of;
    // Patterns with no title at all, where a good share of the catalog has none (a fifth, three at
    // least): the catalog does not keep one in each, whatever its template shows. A warning that says
    // how many; the site titles them by their file names.
    const untitled = memo('untitled', () => {
      const all = catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => collected<TitleFindings>(p));
      return { count: all.filter((f) => f?.reports.some((r) => r.untitled)).length, of: all.length };
    });
    const manyUntitled = untitled.count >= 3 && untitled.count * 5 >= untitled.of;
    // The catalog's own Markdown checks allow several H1s (markdownlint's `MD025` off): a second one is
    // a warning. So is one of the author's own (`# Appendix`, `# Revision history`, none of the
    // template's sections) where no checks of the catalog ask for one H1: its level is a matter of
    // style there, as markdownlint's rule is one (a template section written as an H1 is still wrong).
    const house = memo('house rules', () => houseRules(catalog.root));
    // How many patterns keep each sample title that may be a real one: one that several keep is left over.
    const samples = memo('sample titles', () => {
      const count = new Map<string, number>();
      for (const p of catalog.patterns) {
        if (p.movedTo !== undefined) continue;
        const kept = new Set(collected<TitleFindings>(p)?.reports.flatMap((r) => (r.guess ? [r.guess.sample] : [])));
        for (const sample of kept) count.set(sample, (count.get(sample) ?? 0) + 1);
      }
      return count;
    });
    for (const { layout: older, second, own, untitled: none, guess, era, plainLine, ...finding } of mine.reports) {
      if (plainLine && plainKept && !finding.warning) {
        report({
          ...finding,
          warning: true,
          message: `${finding.message} ${plainLines.count} of the catalog's ${plainLines.of} patterns write their title so: a warning.`,
        });
        continue;
      }
      const sharing = guess ? (samples.get(guess.sample) ?? 0) : 0;
      const since = era && !finding.warning ? beforeTemplate() : undefined;
      if (since) {
        report({
          ...finding,
          warning: true,
          message: `${finding.message} This pattern was written before the template's first version (${since}; its git history, or the date it gives itself): the layout of its time. A warning.`,
        });
        continue;
      }
      // (A sample most of the catalog keeps, three patterns at least — `# Header` over each one's fields
      // — is a label the template has every pattern keep, not a title left unnamed: boilerplate.)
      if (guess && sharing >= 3 && sharing * 2 >= untitled.of) continue;
      if (guess && sharing >= 2) report({ ...finding, warning: false, message: `${guess.error} (${sharing} patterns have it.)` });
      else if (none && manyUntitled && !finding.warning)
        report({
          ...finding,
          warning: true,
          message: `${finding.message} ${untitled.count} of the catalog’s ${untitled.of} patterns have no title either (the catalog does not keep one in each): a warning.`,
        });
      else if (second && house.severalH1 && !finding.warning)
        report({ ...finding, warning: true, message: `${finding.message} (The catalog's markdownlint configuration turns \`MD025\` off: a warning.)` });
      else if (second && own && !house.oneH1 && !finding.warning)
        report({
          ...finding,
          warning: true,
          message: `${finding.message} (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)`,
        });
      else if (older && kept)
        report({
          ...finding,
          warning: true,
          message: `${finding.message} ${layout.count} of the catalog's ${layout.of} patterns are written this way (an older layout of the template, likely): a warning.`,
        });
      // (An error of the author's own H1 because the catalog's markdownlint asks for one: said, as the reason.)
      else if (second && own && house.oneH1 && !finding.warning)
        report({ ...finding, message: `${finding.message} (The catalog's markdownlint configuration asks for one H1: \`MD025\`.)` });
      else report(finding);
    }
  },
});

function findings(pattern: Pattern, template: TemplateSchema, outline: OutlineMatch, report: (r: Finding) => void): void {
  const doc = pattern.document;
  const spec = template.title;
  if (spec.from === 'none') return;
  // A file with under half of the template's sections may follow another template (required-section
  // says so): its H1s are no second title by this one's, and said as warnings.
  const loose = underHalf(outline, template, pattern);
  // An H1 that is one of the template's sections at another level (`# Motivation` for
  // `## Motivation`) is heading-level's finding, said once with its fix.
  const sectionsAsH1 = new Set<Heading>();
  for (const m of outline.all) for (const s of m.sections) if (s.level === 1 && m.schema.level !== 1) sectionsAsH1.add(s.heading);
  for (const { section, schema } of outline.misplaced) if (section.level === 1 && schema.level !== 1) sectionsAsH1.add(section.heading);
  // A pattern whose template sections are all written one level up (`# Motivation` for
  // `## Motivation`) writes its own sections that way too (`# Appendix`): heading-level says so
  // once, and none of them is a second title.
  // (Its top-level sections are: a sub-section off by more, `# Alternatives` for a `###`, is
  // heading-level's own finding beside it.)
  // (Most of them, the others at their level: `## Open Questions` last, back at the template's level.)
  const allUp =
    sectionsAsH1.size > 0 &&
    outlineOff(outline.matches, 1) !== undefined &&
    // (Not one section up over the others at their level, `# Summary` then `## Motivation`: one heading off.)
    outline.misplaced.every((m) => m.section.level !== m.schema.level);
  // (Nor is an H1 where the template's sections are H1s, `# Summary` after the title line.)
  const h1Sections = template.sections.some((s) => s.level === 1);
  // (Nor, with no title at all, an H1 among sections written as H1s from the top, `# Summary`, `#
  // Problem`, `# Overview of the system`, then `## Risks`: there is no first title for it to be a
  // second of. The missing title is the one finding.)
  const firstUp = !doc.title && !allUp && doc.headings[0]?.level === 1 && sectionsAsH1.has(doc.headings[0]) ? doc.headings[0] : undefined;
  const h1s = allUp || h1Sections || firstUp ? [] : doc.headings.filter((h) => h.level === 1 && !sectionsAsH1.has(h));

  if (spec.from === 'heading') {
    // The headings that are the template's sections, in place or not.
    const templateHeadings = new Set(outline.all.flatMap((m) => m.sections.map((x) => x.heading)));
    const placed = new Set([...templateHeadings, ...outline.misplaced.map((m) => m.section.heading)]);
    let lowered: Heading | undefined;
    // The first heading a level down, read as the title, over sections of the author's written as H1s
    // below it (`RFC: Streamed replies` underlined with `---`, then `# Introduction`, `# Proposal`): the
    // levels swapped — one layout, one warning at the title; neither "missing" nor any of those H1s a
    // second title. (Sections of the template written up are heading-level's, with the title's level.)
    // (The first heading, a level down, read as the pattern's title: `## RFC: Delta`, or one underlined with dashes.)
    const top = doc.headings[0];
    const topAsTitle =
      top !== undefined && top.level === (spec.level ?? 1) + 1 && pattern.title?.from === 'heading' && pattern.title.range.start.line === top.range.start.line
        ? top
        : undefined;
    const swappedTop = !allUp && topAsTitle && h1s.length > 0 && h1s.every((h) => h !== topAsTitle && !placed.has(h)) ? topAsTitle : undefined;
    if (swappedTop) {
      const firstH1 = h1s[0]!;
      report({
        message: `The title is written as ${swappedTop.setext ? `\`${swappedTop.text}\` underlined with \`-\`, an H2,` : `\`${'#'.repeat(swappedTop.level)} ${swappedTop.text}\``} and the sections below it as H1s (\`# ${firstH1.text}\`${h1s.length > 1 ? `, and ${h1s.length - 1} more` : ''}): the levels are swapped. Make the title an H1 (\`# ${swappedTop.text}\`) and those sections \`##\`.`,
        range: plainRange(swappedTop.range),
        warning: true,
      });
    }
    const opensWith = spec.configured ? "the configuration reads each pattern's title from an H1" : 'the template opens each pattern with an H1';
    const fmTitle = frontMatterValue(pattern.frontMatter, 'title');
    // A template that sketches a front matter `title` too lets a pattern keep its title there alone.
    const fmAccepted = frontMatterKey(template.frontMatter, 'title') !== undefined && typeof fmTitle === 'string' && fmTitle.trim() !== '';
    // (So does the field the template itself names a pattern in, where it has no title line: `- Name: …`.)
    const fieldAccepted = spec.field !== undefined && pattern.title?.from === 'paragraph' && !!pattern.fields?.[spec.field];
    if (!doc.title && !fmAccepted && !fieldAccepted && !swappedTop) {
      const fm = typeof fmTitle === 'string';
      const noSpace = hashWithoutSpace(doc);
      // Its sections written as H1s in place of the title (`# Summary` first): one cause, said here.
      const first = allUp ? doc.headings.find((h) => h.level === 1) : undefined;
      const others = firstUp ? doc.headings.filter((h) => h.level === 1 && h !== firstUp) : [];
      const cause = first
        ? `; it writes its sections one level up instead (\`# ${first.text}\`): add the title above them, then \`lint --fix\` moves them down a level`
        : firstUp
          ? `; it writes sections as H1s from the top instead (\`# ${firstUp.text}\`${others.length ? `, and ${others.length} more` : ''}): add the title above them and make them \`##\` sections`
          : '';
      // A title in front matter (`title: Quieter logs`, a header kept as YAML) is the title, kept in
      // another place than the template's (the site shows it): a warning that says where.
      const fmText = fm && !first && !firstUp ? String(fmTitle).trim() : '';
      // (One H1 below headings of the author's alone, a `## Note` above `# Cache idea`: the title, not at
      // the top. A warning at it; it is no second title either.)
      lowered =
        !first && !firstUp && !fmText && h1s.length === 1 && doc.headings.slice(0, doc.headings.indexOf(h1s[0]!)).every((h) => h.level > 1 && !placed.has(h))
          ? h1s[0]
          : undefined;
      // (The title written a level down over the whole outline, `## Proposal epsilon` over `### Motivation`,
      // no H1 anywhere: one layout, as heading-level says of its sections — a warning at that heading.)
      const titled = !first && !firstUp && !fmText ? topAsTitle : undefined;
      const titleDown =
        titled !== undefined && outline.all.length > 0 && outline.all.every((m) => m.sections.every((x) => x.heading !== titled && x.level === m.schema.level + 1));
      // (The title a level down over sections at the template's level, or some of them, `## Storage
      // team charter` over `## Mission`, no H1 anywhere: read as the title, written at another level —
      // said as a title a level down is, not as none.)
      const titleLower = titled !== undefined && !titleDown && doc.headings.every((h) => h.level !== 1);
      if (titled && titleLower) {
        report({
          message: `The title is written as \`${'#'.repeat(titled.level)} ${titled.text}\`: ${opensWith}. Make it \`${'#'.repeat(spec.level ?? 1)} ${titled.text}\`.${loose ? LOOSE : ''}`,
          range: plainRange(titled.range),
          expected: `${'#'.repeat(spec.level ?? 1)} ${titled.text}`,
          era: true,
          // (Where the title is only recommended, a title at another level is no worse than none: a warning.)
          ...(loose || spec.recommended ? { warning: true } : {}),
        });
      } else if (titled && titleDown) {
        report({
          message: `The title is written as \`${'#'.repeat(titled.level)} ${titled.text}\`, and every section a level down with it: ${opensWith}. Make it \`# ${titled.text}\`, and every section a level up with it.`,
          range: plainRange(titled.range),
          expected: `# ${titled.text}`,
          warning: true,
        });
      } else if (fmText) {
        report({
          message: `The title is in front matter (\`title: ${fmText}\`), not where the template keeps it: the template opens each pattern with ${spec.level ? `a \`${'#'.repeat(spec.level)}\` heading` : 'an H1'}. Write it as \`${'#'.repeat(spec.level ?? 1)} ${fmText}\` at the top of the text.`,
          line: doc.frontMatter ? doc.frontMatter.startLine : 1,
          warning: true,
        });
      } else if (lowered) {
        const above = doc.headings[0]!;
        report({
          message: `The title \`# ${lowered.text}\` is on line ${lowered.range.start.line}, below \`${'#'.repeat(above.level)} ${above.text}\`: ${opensWith}. Move it to the top, above that heading.`,
          range: plainRange(lowered.range),
          warning: true,
        });
      } else if (!cause && pattern.title?.from === 'paragraph' && labelOf(doc, pattern.title)) {
        // The title written as a label, `**Title:** Shared garden tools`: there, in another place than the template's.
        const labelled = labelOf(doc, pattern.title)!;
        const heading = `${'#'.repeat(spec.level ?? 1)} ${pattern.title.text}`;
        // (A line that is the name alone, no label, `Retry budget design`: the title line without its `#`, made one.)
        const plain = !labelled.heading && labelled.text === pattern.title.text;
        report({
          message: plain
            ? `The template opens each pattern with ${spec.level ? `a \`${'#'.repeat(spec.level)}\` title heading` : 'an H1'}; this file has its title on line ${pattern.title.range.start.line} as plain text, \`${labelled.text}\`: make it \`${heading}\`.${loose ? LOOSE : ''}`
            : `The template opens each pattern with ${spec.level ? `a \`${'#'.repeat(spec.level)}\` title heading` : 'an H1'}; this file has its title as the \`${labelled.text}\` ${labelled.heading ? 'heading' : 'line'}: write it as \`${heading}\` at the top of the text.${loose ? LOOSE : ''}`,
          range: plainRange(pattern.title.range),
          ...(plain ? { expected: heading, plainLine: true as const } : {}),
          ...(loose ? { warning: true } : {}),
        });
      } else if (!cause && noSpace) {
        // The title written `#4. Deployments`: no heading in Markdown, which needs a space after the `#`.
        report({
          message: `Missing title: \`${noSpace.line}\` is no heading — Markdown needs a space after the \`${noSpace.hashes}\`. Make it \`${noSpace.hashes} ${noSpace.text}\`.${loose ? LOOSE : spec.recommended ? RECOMMENDED : ''}`,
          range: plainRange(noSpace.range),
          expected: `${noSpace.hashes} ${noSpace.text}`,
          untitled: true as const,
          ...(loose || spec.recommended ? { warning: true } : {}),
        });
      } else if (cause && pattern.title?.from === 'paragraph' && labelOf(doc, pattern.title) && !labelOf(doc, pattern.title)!.heading) {
        // (Its title line without its `#`, above sections written as H1s: `Proposal: Audit log` over `# Abstract`.)
        const heading = `${'#'.repeat(spec.level ?? 1)} ${pattern.title.text}`;
        report({
          message: `The template opens each pattern with ${spec.level ? `a \`${'#'.repeat(spec.level)}\` title heading` : 'an H1'}; this file has its title on line ${pattern.title.range.start.line} as plain text, \`${labelOf(doc, pattern.title)!.text}\`, over sections written as H1s${(first ?? firstUp) ? ` (\`# ${(first ?? firstUp)!.text}\`…)` : ''}: make it \`${heading}\` and those sections \`##\`.${loose ? LOOSE : ''}`,
          range: plainRange(pattern.title.range),
          plainLine: true as const,
          ...(first || firstUp ? { layout: true as const } : {}),
          ...(loose ? { warning: true } : {}),
        });
      } else
        report({
          message: `Missing title: ${spec.configured ? "the configuration reads each pattern's title from" : 'the template opens each pattern with'} ${spec.level ? `a title heading (\`${'#'.repeat(spec.level)} …\` or \`# …\`)` : 'an H1 (`# …`)'}, and this pattern has none${fm ? ' (front matter `title` is not used by this template)' : ''}${cause}.${loose ? LOOSE : spec.recommended ? RECOMMENDED : ''}`,
          line: doc.frontMatter ? doc.frontMatter.endLine + 1 : 1,
          // (Every pattern without one counts towards the catalog's share of untitled ones, whatever else
          // makes its finding a warning.)
          untitled: true as const,
          ...(first || firstUp ? { layout: true as const } : {}),
          ...(loose || spec.recommended ? { warning: true } : {}),
        });
    }
    // The title line cleared and left empty (`# ` where the template has `# Name`): no name.
    if (doc.title && doc.title.text.trim() === '' && !fmAccepted && !fieldAccepted) {
      report({
        message: `Missing title: the title line \`${'#'.repeat(doc.title.level)}\` is empty. Write the pattern's name after the \`#\`.${loose ? LOOSE : spec.recommended ? RECOMMENDED : ''}`,
        range: plainRange(doc.title.range),
        untitled: true as const,
        ...(loose || spec.recommended ? { warning: true } : {}),
      });
      return;
    }
    // The title written a level down (`## Gateway to Queue` with no H1 above it): read as the title, said once.
    const title = doc.title;
    if (title && title.level > (spec.level ?? 1) && !title.setext && !swappedTop) {
      // The whole document a level down (`## Record: …`, then `### Status`…): one layout, as heading-level
      // says of its sections, a warning.
      const by = title.level - (spec.level ?? 1);
      const wholeDown = outline.all.length > 0 && outline.all.every((m) => m.sections.every((s) => s.level === m.schema.level + by));
      // (Or the title still above every section, at the template's levels — `### Hide the files` over
      // `#### Short name` where the template's title is `## Template` —: it heads them, its level only
      // another; a warning.)
      const heads = !wholeDown && outline.all.length > 0 && outline.all.every((m) => m.sections.every((s) => s.level > title.level));
      const want = '#'.repeat(spec.level ?? 1);
      // (Or the levels swapped, the sections written a level up under it — `# Problem Statement` after
      // `## RFC: Delta` — one layout too, said with heading-level's finding on the sections.)
      const swapped = !wholeDown && allUp;
      const first = swapped ? doc.headings.find((h) => h.level === 1) : undefined;
      report({
        message: first
          ? `The title is written as \`${'#'.repeat(title.level)} ${title.text}\` and the sections above it as H1s (\`# ${first.text}\`): the levels are swapped. Make it \`# ${title.text}\`, and the sections \`##\` (\`lint --fix\` moves them down a level and it up).`
          : `The title is written as \`${'#'.repeat(title.level)} ${title.text}\`: ${(spec.level ?? 1) === 1 ? opensWith : `the template writes its title as a \`${want}\` heading`}. Make it \`${want} ${title.text}\`${wholeDown ? ', and every section a level up with it' : ''}.${loose && !wholeDown && !heads ? LOOSE : ''}`,
        range: plainRange(title.range),
        expected: `${want} ${title.text}`,
        era: true,
        // (Where the title is only recommended, a title at another level is no worse than none: a warning.)
        // (Nor in a file under half of the template's sections — a stub, its one `##` its name —, as none would be.)
        ...(wholeDown || swapped || heads || spec.recommended || loose ? { warning: true } : {}),
      });
    }
    // (The catalog names the pattern by a later H1, `# RFC: Nullable Inputs`, under a part set above it
    // as an H1, `# Status`: that part is the second title, said at its own line.)
    const namedBy =
      pattern.title?.from === 'heading' && doc.title ? h1s.find((h) => h !== doc.title && h.range.start.line === pattern.title!.range.start.line) : undefined;
    for (const h1 of swappedTop ? [] : h1s.filter((h) => h !== doc.title && h !== lowered)) {
      if (h1 === namedBy && doc.title) {
        report({
          second: true as const,
          ...(placed.has(doc.title) ? {} : { own: true as const }),
          message: `More than one title: \`# ${doc.title.text}\` stands above the title, \`# ${h1.text}\`, as an H1 too. Make it a \`##\` section.${loose ? LOOSE : ''}`,
          range: plainRange(doc.title.range),
          ...(loose ? { warning: true } : {}),
        });
        continue;
      }
      // Right under a section with no text of its own (`## Design`, then `# How the retry works`): that section's content.
      const before = doc.headings[doc.headings.indexOf(h1) - 1];
      const holder = before && before !== doc.title && before.level > 1 && templateHeadings.has(before) && !sectionHasText(doc, before) ? before : undefined;
      report({
        second: true as const,
        ...(placed.has(h1) ? {} : { own: true as const }),
        message: holder
          ? `More than one title: \`# ${h1.text}\` is a second H1, right under \`${'#'.repeat(holder.level)} ${holder.text}\`, which has no text of its own: make it \`${'#'.repeat(Math.min(holder.level + 1, 6))} ${h1.text}\`, part of that section.${loose ? LOOSE : ''}`
          : `More than one title: \`# ${h1.text}\` is a second H1. Make it a \`##\` section.${loose ? LOOSE : ''}`,
        range: plainRange(h1.range),
        ...(loose ? { warning: true } : {}),
      });
    }
  } else if (spec.from === 'front-matter') {
    const value = frontMatterValue(pattern.frontMatter, spec.key);
    // (Unreadable front matter is front-matter-syntax's to say: its keys may well be there. So is front
    // matter below a blank first line, read as text: its `title:` is there, unread.)
    const missing =
      ((typeof value !== 'string' && typeof value !== 'number') || !String(value).trim()) &&
      !doc.frontMatter?.error &&
      !(doc.frontMatter === undefined && lateFrontMatter(doc.source));
    // A file with its title as an H1 and no front matter title has it, in another place: one finding.
    // (Not an H1 the catalog reads as a part under a header that names the file, `# Summary` below a
    // header table's `title`: that header is where it has it.)
    const asHeading = missing && pattern.title?.from !== 'paragraph' ? doc.title : undefined;
    // (Or among the fields of its header, `- Proposal Name: Knife rack labels`, as an older layout kept it.)
    const asField = missing && !asHeading && pattern.title?.from === 'paragraph' ? pattern.title.text : undefined;
    // (Or a label line of its own, `**Title:** Shared garden tools`, or a heading that is one: said as written.)
    const labelled = asField ? labelOf(doc, pattern.title!) : undefined;
    // (Or the heading where the template writes its own title line, `## Search index design` where it has
    // `## Your Design Title`: the template's place, a warning.)
    const opening = doc.headings[0];
    const asTemplateLine =
      missing &&
      !asHeading &&
      !asField &&
      opening !== undefined &&
      opening.level === spec.heading &&
      !DOCUMENT_PARTS.has(foldHeading(opening.text)) &&
      !outline.all.some((m) => m.sections.some((x) => x.heading === opening))
        ? opening
        : undefined;
    if (missing) {
      report({
        message: asTemplateLine
          ? `This catalog keeps the title in front matter \`${spec.key}:\`; this file has it as the \`${'#'.repeat(asTemplateLine.level)} ${asTemplateLine.text}\` heading, where the template writes its own title line: a warning. Set \`${spec.key}: ${yamlScalar(asTemplateLine.text)}\` in the front matter as the other patterns do.`
          : asHeading
            ? `This template keeps the title in front matter \`${spec.key}:\`; this file has it as the \`# ${asHeading.text}\` heading: set \`${spec.key}: ${yamlScalar(asHeading.text)}\` in the front matter.${loose ? LOOSE : ''}`
            : asField && labelled
              ? `This template keeps the title in front matter \`${spec.key}:\`; this file has it as the \`${labelled.text}\` ${labelled.heading ? 'heading' : 'line'}: set \`${spec.key}: ${yamlScalar(asField)}\` in the front matter.${loose ? LOOSE : ''}`
              : asField && spec.field
                ? `This catalog keeps the title in front matter \`${spec.key}:\`; this file names itself in the template's own header field \`${spec.field}\` (“${asField}”), where the template puts it: a warning. Set \`${spec.key}: ${yamlScalar(asField)}\` in the front matter as the other patterns do.`
                : asField
                  ? `This template keeps the title in front matter \`${spec.key}:\`; this file names itself in its header fields (“${asField}”): set \`${spec.key}: ${yamlScalar(asField)}\` in the front matter.${loose ? LOOSE : ''}`
                  : `Missing title: set \`${spec.key}:\` in the front matter.${loose ? LOOSE : spec.recommended ? RECOMMENDED : ''}`,
        ...(asTemplateLine
          ? { range: plainRange(asTemplateLine.range) }
          : asHeading
            ? { range: plainRange(asHeading.range) }
            : asField && labelled
              ? { range: plainRange(pattern.title!.range) }
              : { line: 1 }),
        // (A title kept in another place is never worse than none: where the configuration makes a
        // missing one a warning, `title.recommended`, so is this.)
        ...(loose || asTemplateLine || (asField && spec.field)
          ? { warning: true }
          : asHeading || asField
            ? spec.recommended
              ? { warning: true }
              : {}
            : { untitled: true as const, ...(spec.recommended ? { warning: true } : {}) }),
      });
    }
    // An H1 in the text beside the front matter title (`# Events` under `title: Token Events`) is a
    // heading of the author's: the page shows both. A warning: the title is there, where the template keeps it.
    // (The first one repeating that title word for word, `title: Lazy loading` over `# Lazy loading`, is
    // the title shown where front matter is not, as on GitHub: the site shows it once.)
    const repeats = (h: Heading) => !missing && h === doc.title && opensWithTitle(doc, String(value));
    for (const h1 of h1s.filter((h) => h !== asHeading && !repeats(h)))
      report({
        message: `This template takes the title from front matter \`${spec.key}\`; the \`# ${h1.text}\` heading shows a second one: make it a \`##\` section, or remove it.`,
        range: plainRange(h1.range),
        warning: true,
      });
  } else {
    // Whether the section is there at all is required-section's to say; an H1 is this rule's.
    // (The template's own H1 kept as the kind of document, `# Record` over `## Name`, is no title.)
    const label = spec.label === undefined ? undefined : foldHeading(spec.label);
    for (const h1 of h1s.filter((h) => foldHeading(h.text) !== label)) {
      report(
        spec.matcher.test(foldHeading(h1.text))
          ? {
              message: `\`# ${h1.text}\` is written as an H1: this template has it as a section, \`## ${spec.section}\`, with the title on the line below.`,
              range: plainRange(h1.range),
            }
          : {
              message: `This template keeps the title on the line under \`## ${spec.section}\`; write it there rather than as the \`# ${h1.text}\` heading.`,
              range: plainRange(h1.range),
            },
      );
    }
  }

  // The template's title line left as it is over a front matter title the author filled in (the name
  // the site shows): the line is still the template's.
  // (And a front matter title that is the template's own there, `title: Shiny-new-idea` over `# Shiny New
  // Idea`: a sample too, never the name to write.)
  const fmSample = spec.from === 'front-matter' ? undefined : frontMatterValue(template.frontMatter, 'title');
  const isFmSample = (text: string) =>
    (typeof fmSample === 'string' || typeof fmSample === 'number') && foldText(String(fmSample)) !== '' && foldText(text) === foldText(String(fmSample));
  const title = pattern.title;
  // The title as written where its text loses words to markup (`# <NUMBER>. <TITLE>`, `<TITLE>` read as
  // an HTML element): said as the author sees it in the file.
  const raw = title?.from === 'heading' ? pattern.document.title?.raw.trim() : undefined;
  const written = (text: string) => (raw !== undefined && /\p{L}/u.test(raw) && (!/\p{L}/u.test(text) || /<[^<>]*\p{L}[^<>]*>/u.test(raw)) ? raw : text);
  // Whether a title that is all of the template's sample is certainly left over: marked as a
  // placeholder, or one by its words; else a guess, a warning unless several patterns keep it (see `check`).
  const sampleFinding = (text: string, certain: boolean, lead: string, finding: Report & { message: string }): Finding =>
    certain || placeholderLike(text)
      ? finding
      : {
          ...finding,
          warning: true,
          message: `${lead} ${quote(text)}, but that sample has no placeholder's marks or words and no other pattern has it: it may be this pattern's real title (the template copied from this pattern, or part of a page about the process). A warning; if it is left over, name the pattern.`,
          guess: { sample: foldText(text), error: finding.message },
        };
  if (spec.from === 'heading' && doc.title && title && title.from !== 'heading' && titleLeftover(spec, doc.title.text)?.whole) {
    if (title.from === 'front-matter' && isFmSample(title.text)) {
      // (Both places the template's: the line and the front matter. Neither is the name to suggest.)
      report({
        message: `The title line is still the template's sample ${quote(doc.title.text)}, and so is the front matter \`${title.key ?? 'title'}: ${title.text}\`: name the pattern in both.`,
        range: plainRange(doc.title.range),
      });
      return;
    }
    report(
      sampleFinding(doc.title.text, !!spec.shape, "The title line is the template's sample", {
        message: `The title line is still the template's sample ${quote(doc.title.text)}: write the pattern's name there (\`# ${title.text}\`, ${title.from === 'front-matter' ? 'as its front matter has it' : 'the name written under it'}).`,
        range: plainRange(doc.title.range),
        expected: `# ${title.text}`,
      }),
    );
    return;
  }
  if (!title) return;
  // A front matter title the template keeps beside its title line, left as the template's (`title:
  // neat-idea` with no title line of the pattern's own).
  if (title.from === 'front-matter' && !fromTemplatePlace(title, spec) && isFmSample(title.text)) {
    report(
      sampleFinding(title.text, !!spec.shape, `The front matter \`${title.key ?? 'title'}\` is the template's sample`, {
        message: `The title is still the template's sample ${quote(title.text)} (front matter \`${title.key ?? 'title'}\`): name the pattern.`,
        range: plainRange(title.range),
      }),
    );
    return;
  }
  if (!fromTemplatePlace(title, spec)) return;
  const left = titleLeftover(spec, title.text, pattern.document.source.slice(title.range.start.offset, title.range.end.offset));
  if (left?.whole) {
    report(
      sampleFinding(spec.sample, !!spec.shape, "The title is the template's sample", {
        message: `The title is still the template's ${spec.shape ? 'placeholder' : 'sample'} ${quote(written(title.text))}: name the pattern.`,
        range: plainRange(title.range),
      }),
    );
  } else if (left) {
    report({
      message: `The title ${quote(title.text)} still has the template's placeholder ${quote(left.placeholder)}: put the pattern's own words there.`,
      range: plainRange(title.range),
    });
  } else {
    const custom = findPlaceholders(template.placeholders, title.text).find((p) => p.kind === 'custom');
    if (custom)
      report({
        message: `The title ${quote(title.text)} holds ${quote(custom.text)}, text the configuration says must not be left in (\`placeholders.add\`): name the pattern.`,
        range: plainRange(title.range),
      });
  }
}

/**
 * The line a title read from a label is written on, as written (`**Title:**
 * Shared garden tools`, `## **Title:** Quiet hours`); none for a title among
 * header fields of several lines (a list, a table, a code block).
 */
function labelOf(doc: MarkdownDocument, title: { range: { start: { line: number }; end: { line: number } } }): { text: string; heading: boolean } | undefined {
  if (title.range.start.line !== title.range.end.line) return undefined;
  const text = doc.lines.lineText(title.range.start.line).trim();
  return text ? { text, heading: doc.headings.some((h) => h.range.start.line === title.range.start.line) } : undefined;
}

/** A value as YAML writes it on a `key: value` line: quoted where plain text would read otherwise (`ADR-1: Use Postgres`, `#1`). */
function yamlScalar(text: string): string {
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|\s$/.test(text) ? JSON.stringify(text) : text;
}

/** Whether the section under this heading has text of its own (a comment for the author is none). */
function sectionHasText(doc: MarkdownDocument, heading: Heading): boolean {
  const find = (sections: readonly Section[]): Section | undefined => {
    for (const s of sections) {
      if (s.heading === heading) return s;
      const inner = find(s.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const section = find(doc.sections);
  return section === undefined || section.blocks.some(isVisible);
}

/**
 * The document's first block, a paragraph whose first line is a heading but for the space after
 * its `#` (`#4. Deployment order`, `##Summary of it`): a few words after the marks, not a tag
 * (`#deploy`) nor a number alone (`#42`).
 */
function hashWithoutSpace(doc: MarkdownDocument): { line: string; hashes: string; text: string; range: Range } | undefined {
  const first = doc.preamble[0];
  if (first?.kind !== 'paragraph') return undefined;
  const line = first.raw.split('\n')[0]!;
  const m = /^(#{1,6})([^\s#][^\n]*)$/.exec(line.trimEnd());
  if (!m || (m[2]!.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0) < 2) return undefined;
  return { line: line.trimEnd(), hashes: m[1]!, text: m[2]!.trim(), range: doc.lines.linesRange(first.range.start.line, first.range.start.line) };
}
