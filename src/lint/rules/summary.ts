import { declaredDate } from '../../catalog/declared-date.js';
import { defineCatalogRule, type Report } from '../rule.js';
import { plainRange } from '../../markdown/lines.js';
import { quote } from './_format.js';
import { findSummary, isSample } from './_summary.js';

/** What `collect` finds of a pattern: its findings, and for a missing front-matter key, which key and the date the pattern gives itself. */
interface SummaryFindings {
  reports: Report[];
  /** The finding of a missing front-matter summary, the key, and the date the pattern gives itself. */
  missingKey?: { report: Report; key: string; declared?: number };
}

/** A text that opens with a marker of work still to do: `TODO: …`, `TBD`, `FIXME - …`. */
const WORK_NOTE = /^(?:TODO|TBD|TBA|FIXME|XXX)\b(?:\s*[:\-–—]|\s*$)/;

export default defineCatalogRule({
  meta: {
    id: 'summary',
    description: "The template's summary is present and is not the template's sample, nor a note of work still to do (its length is `summary-length`'s).",
    severity: 'error',
    fixable: false,
    // The template's history tells which patterns were written before it asked for a front-matter summary.
    scope: 'catalog',
  },
  collect({ pattern, template }): SummaryFindings {
    const reports: Report[] = [];
    // (Kept as plain data: ranges are read back in the catalog phase, maybe on another thread.)
    const report = (r: Report) => void reports.push(r.range ? { ...r, range: plainRange(r.range) } : r);
    const found = findSummary(pattern, template);
    // A summary the site shows from front matter, wherever the template keeps one, that is a note of
    // work still to do (`summary: "TODO: Add a concise summary"`): no summary, shown on every card.
    const shown = pattern.summary;
    if (shown?.from === 'front-matter' && WORK_NOTE.test(shown.text.trim()) && (!found || found.kind === 'text')) {
      report({
        message: `The summary (front matter \`${shown.key ?? 'summary'}\`) is a note of work still to do, ${quote(shown.text.trim())}, which the site shows as the summary: write the summary, or remove the key.`,
        range: shown.range,
      });
      return { reports };
    }
    if (!found) return { reports };
    if (found.kind === 'missing') {
      // `summary.recommended`: the catalog asks for a summary without requiring one.
      const missing: Report = { message: found.message, line: found.line, ...(found.recommended ? { warning: true } : {}) };
      if (found.recommended || template.summary.from !== 'front-matter') return { reports: [missing] };
      const declared = declaredDate(pattern);
      return { reports: [], missingKey: { report: missing, key: template.summary.key, ...(declared !== undefined ? { declared } : {}) } };
    }
    const { text, where, spec } = found;
    if (found.paragraph && !isSample(text, spec, template)) {
      report({
        message: 'The summary is written as a paragraph: the template writes it as a `> blockquote` after the title. Make it one (`> ` before its line).',
        ...where,
        warning: true,
      });
      return { reports };
    }
    if (isSample(text, spec, template)) {
      report({
        message: `The summary is still the template's sample ${quote(text)}: say what this pattern does${spec.sentences === 1 ? ' in one sentence' : ''}.`,
        ...where,
      });
      return { reports };
    }
    if (!text.trim()) report({ message: 'The summary is empty.', ...where });
    return { reports };
  },
  check({ pattern, catalog, index, collected, memo, report }) {
    const found = collected<SummaryFindings>(pattern);
    if (!found) return;
    for (const r of found.reports) report(r);
    const missing = found.missingKey;
    if (!missing) return;
    // A front-matter key the template asked for only after the pattern was written (its git history,
    // or the date the pattern gives itself): the pattern lacks it as its era did — a warning that says so.
    const history = index.templateHistory(catalog.template);
    const since = memo(`since ${missing.key}`, () => history?.keySince(missing.key));
    const gained = since === 'first' ? history!.first : since;
    const written = history?.written(pattern.path, missing.declared);
    // Where a good share of the catalog has none (a fifth, three at least), the catalog does not keep
    // one in each, whatever its template shows — as of titles: a warning that says how many. (The site
    // sums such a pattern up from its text.)
    const lacking = memo('lacking the key', () => {
      const all = catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => collected<SummaryFindings>(p));
      return { count: all.filter((f) => f?.missingKey !== undefined).length, of: all.length };
    });
    const many = lacking.count >= 3 && lacking.count * 5 >= lacking.of;
    if ((gained === undefined || written === undefined || written >= gained) && many)
      return report({
        ...missing.report,
        warning: true,
        message: `${missing.report.message} ${lacking.count} of the catalog’s ${lacking.of} patterns have no \`${missing.key}:\` either (the catalog does not keep one in each): a warning.`,
      });
    if (gained === undefined || written === undefined || written >= gained) return report(missing.report);
    report({
      ...missing.report,
      warning: true,
      message: `${missing.report.message} The template asked for \`${missing.key}:\` ${since === 'first' ? `from its first version (${day(gained)})` : `from ${day(gained)}`}, after this pattern was written (its git history, or the date it gives itself): a warning.`,
    });
  },
});

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
