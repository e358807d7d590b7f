import path from 'node:path';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'template-version',
    description:
      "A pattern that records the template it follows (front matter `template: name@version`, written by `patternbook migrate`) follows the catalog's template.",
    severity: 'warning',
    fixable: false,
  },
  check({ pattern, template, catalog, report }) {
    const value = pattern.frontMatter.template;
    // Patterns that record nothing are not judged: the stamp is `migrate`'s, not every author's.
    if (value === undefined) return;
    const fm = pattern.document.frontMatter;
    let line = fm?.startLine ?? 1;
    if (fm) for (let l = fm.startLine + 1; l < fm.endLine; l++) if (/^template\s*:/.test(pattern.document.lines.lineText(l))) line = l;
    const current = `${template.name}@${template.version}`;
    const stamp = typeof value === 'string' ? value.trim() : '';
    const m = /^(.+)@([^@]+)$/.exec(stamp);
    // (A `template` key of the catalog's own, the page layout its site generator uses — `template = "main"`,
    // set in the template too —: no stamp of Patternbook's, nothing to say.)
    if (!m && (template.frontMatter.template !== undefined || !stamp.toLowerCase().includes(template.name.toLowerCase()))) return;
    if (!m) {
      report({ message: `Front matter \`template: ${String(value)}\` is not \`<name>@<version>\`: set it to \`${current}\` (\`patternbook migrate\` writes it).`, line });
      return;
    }
    const [, name, version] = m as unknown as [string, string, string];
    if (name !== template.name) {
      report({
        message: `This pattern follows template \`${stamp}\`, but the catalog's template is \`${current}\`: run \`patternbook migrate --to <template>\` to bring it over.`,
        line,
      });
      return;
    }
    if (version === template.version) return;
    const order = compareVersions(version, template.version);
    const config = catalog.config.file ? path.basename(catalog.config.file) : 'the configuration';
    const migrate = `run \`patternbook migrate --to <the new template>\` to add what changed`;
    if (order > 0) {
      report({
        message: `This pattern follows \`${stamp}\`, ahead of the catalog's template \`${current}\`: it was migrated to a newer template than the one the catalog uses. Set \`template\` in ${config} to that newer template (or undo the migration).`,
        line,
      });
    } else if (order < 0) {
      report({ message: `This pattern follows \`${stamp}\`, behind the catalog's template \`${current}\`: ${migrate}.`, line });
    } else {
      // Versions that are hashes (a template without `template: name@version`) have no order.
      report({
        message: `This pattern follows \`${stamp}\`, another version of the catalog's template \`${current}\`: if the catalog's template is the newer one, ${migrate}; if the pattern's is, set \`template\` in ${config} to it.`,
        line,
      });
    }
  },
});

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]*)?$/;
/** Dotted or dashed numbers (`2`, `1.4`, `2024-06-01`); not a 12-digit hash that happens to hold no letter. */
const NUMBERS = /^v?\d{1,9}(?:[.-]\d+)*$/;

/**
 * Order of two template versions: semantic versions (a pre-release before
 * its release), else dotted numbers and dates part by part; > 0 when `a` is
 * newer, < 0 when older, 0 when they cannot be ordered (hashes).
 */
function compareVersions(a: string, b: string): number {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (x && y) return compareNumbers(x.slice(1, 4).map(Number), y.slice(1, 4).map(Number)) || comparePre(x[4], y[4]);
  if (NUMBERS.test(a) && NUMBERS.test(b)) return compareNumbers(numbers(a), numbers(b));
  return 0;
}

const numbers = (v: string) => v.replace(/^v/, '').split(/[.-]/).map(Number);

function compareNumbers(p: number[], q: number[]): number {
  for (let i = 0; i < Math.max(p.length, q.length); i++) {
    const d = (p[i] ?? 0) - (q[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** semver.org's precedence of pre-release identifiers; a release is newer than its pre-releases. */
function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const [sa, sb] = [a.split('.'), b.split('.')];
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const [u, v] = [sa[i], sb[i]];
    if (u === undefined) return -1;
    if (v === undefined) return 1;
    if (u === v) continue;
    const [nu, nv] = [/^\d+$/.test(u), /^\d+$/.test(v)];
    if (nu && nv) return Math.sign(Number(u) - Number(v));
    if (nu !== nv) return nu ? -1 : 1;
    return u < v ? -1 : 1;
  }
  return 0;
}
