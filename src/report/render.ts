import { esc, html, raw, type Raw } from '../site/html.js';
import type { HealthReport } from './health.js';

/** Why a pattern is not verified, in words: failing or incomplete since a day, or never verified. */
function notVerified(v: HealthReport['patterns'][number]['verification']): string {
  const since = v.when?.slice(0, 10) ?? '?';
  if (v.status === 'failed') return `failing since ${since}`;
  if (v.status === 'incomplete') return `incomplete since ${since} (blocks still hold the template's sample code)`;
  return 'never verified';
}

/** `report --format text`: the headline numbers, then each list. */
export function healthText(r: HealthReport): string {
  const out: string[] = [];
  out.push(`${r.title}: health on ${r.date}`);
  out.push(`  ${r.patterns.length} patterns, mean conformance score ${r.score}/100`);
  out.push(
    `  verification: ${r.verification.passed} passed, ${r.verification.failed} failing, ${r.verification.incomplete} incomplete, ${r.verification.never} never verified`,
  );
  if (r.baselined)
    out.push(`  ${r.baselined} lint finding${r.baselined === 1 ? '' : 's'} in the baseline (recorded, not counted; \`lint --baseline ignore\` lists them)`);
  out.push('');
  out.push('Rules (patterns with a finding, errors, warnings):');
  const found = r.rules.filter((x) => x.patterns > 0);
  if (!found.length) out.push('  every pattern passes every rule');
  for (const x of found) out.push(`  ${x.id.padEnd(22)} ${String(x.patterns).padStart(5)} ${String(x.errors).padStart(6)} ${String(x.warnings).padStart(6)}`);
  out.push('');
  out.push('Patterns, lowest score first:');
  for (const p of [...r.patterns].sort((a, b) => a.score - b.score || (a.slug < b.slug ? -1 : 1)).slice(0, 20)) {
    out.push(`  ${String(p.score).padStart(3)}  ${p.slug}${p.rules.length ? `  (${p.rules.join(', ')})` : ''}`);
  }
  if (r.patterns.length > 20) out.push(`  … ${r.patterns.length - 20} more (--format json for all)`);
  const list = (title: string, items: string[]) => {
    out.push('');
    out.push(`${title}: ${items.length ? '' : 'none'}`);
    for (const i of items) out.push(`  ${i}`);
  };
  list(
    `Not updated for ${r.staleDays} days (by the changelog)`,
    r.stale.map((s) => `${s.slug}: ${s.updated ? `${s.updated}, ${s.ageDays} days ago` : 'no dated changelog entry'}`),
  );
  list('Orphans (no relation in or out)', r.orphans);
  list(
    'One-way relations',
    r.oneWay.map((o) => `${o.from} → ${o.to} (${o.kind}): ${o.to} does not list ${o.from}`),
  );
  list(
    'Near-duplicates',
    r.nearDuplicates.map((d) => `${d.slug}: ${d.message}`),
  );
  list(
    'Not verified or failing',
    r.patterns.filter((p) => p.verification.status !== 'passed').map((p) => `${p.slug}: ${notVerified(p.verification)}`),
  );
  return `${out.join('\n')}\n`;
}

/** At most this many entries per list on the page (the JSON report has every one). */
const LIST_LIMIT = 50;

/** The report's body: figures, SVG charts (drawn here, no chart script) and the lists. The site's Health page and `--format html` share it. */
export function healthBody(r: HealthReport, patternHref?: (slug: string) => string): Raw {
  // Patterns by their titles (slugs are for the command line), linked on the site.
  const titles = new Map(r.patterns.map((p) => [p.slug, p.title]));
  const name = (slug: string) => {
    const title = titles.get(slug) ?? slug;
    return patternHref ? html`<a href="${patternHref(slug)}">${title}</a>` : html`${title}`;
  };
  const section = (title: string, items: Raw[], empty = 'None.') =>
    html`<section><h2>${title}${items.length ? html` <span class="n">(${items.length})</span>` : ''}</h2>${
      items.length
        ? html`<ul>${items.slice(0, LIST_LIMIT).map((i) => html`<li>${i}</li>`)}</ul>${items.length > LIST_LIMIT ? html`<p class="more">… and ${items.length - LIST_LIMIT} more (<code>patternbook report --format json</code> lists every one).</p>` : ''}`
        : html`<p>${empty}</p>`
    }</section>`;
  // Eleven bins, 100 on its own: a pattern with one warning (99) is not shown as conforming.
  const bins = Array.from({ length: 11 }, (_, i) => r.patterns.filter((p) => (p.score >= 100 ? 10 : Math.min(Math.floor(p.score / 10), 9)) === i).length);
  const conforming = bins[10]!;
  // The mean to one decimal unless whole, so that it never reads 100 while some pattern has a finding.
  const mean = r.patterns.length ? r.patterns.reduce((n, p) => n + p.score, 0) / r.patterns.length : 100;
  const meanText = Number.isInteger(mean) ? String(mean) : mean.toFixed(1);
  const { passed, failed, incomplete, never } = r.verification;
  const verified = passed + failed + incomplete > 0;
  const rules = r.rules.filter((x) => x.patterns > 0);
  const byScore = [...r.patterns].sort((a, b) => a.score - b.score || (a.slug < b.slug ? -1 : 1)).filter((p) => p.score < 100);
  return html`
<p class="health-figures"><strong>${r.patterns.length}</strong> patterns · <strong>${conforming}</strong> conform to the template, <strong>${r.patterns.length - conforming}</strong> with lint findings · mean conformance <strong>${meanText}</strong>/100 ·
${verified ? html`<strong>${passed}</strong> verified, <strong>${failed}</strong> failing, <strong>${incomplete}</strong> incomplete, <strong>${never}</strong> never verified` : html`no verification recorded yet`}${r.baselined ? html` · <strong>${r.baselined}</strong> lint findings in the baseline (not counted)` : ''} · as of <time datetime="${r.date}">${r.date}</time></p>
<div class="charts">
${barChart(
  'Patterns by conformance score',
  bins.map((n, i) => ({ label: i === 10 ? '100' : i === 9 ? '90–99' : `${i * 10}–${i * 10 + 9}`, value: n })),
  'vertical',
  'conformance score',
)}
${barChart(
  rules.length > 15 ? `Patterns with a finding, per rule (15 of ${rules.length} rules)` : 'Patterns with a finding, per rule',
  rules.slice(0, 15).map((x) => ({ label: x.id, value: x.patterns })),
  'horizontal',
  undefined,
  'No rule finds anything: every pattern passes every rule.',
)}
${barChart(
  'Verification',
  [
    { label: 'verified', value: passed },
    { label: 'failing', value: failed },
    { label: 'incomplete', value: incomplete },
    { label: 'never verified', value: never },
  ],
  'horizontal',
)}
</div>
<section><h2>Lowest scores</h2>
${
  byScore.length
    ? html`<table><thead><tr><th scope="col">Pattern</th><th scope="col">Score</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Rules</th></tr></thead><tbody>
${byScore.slice(0, 25).map((p) => html`<tr><td>${name(p.slug)}</td><td>${p.score}</td><td>${p.errors}</td><td>${p.warnings}</td><td>${p.rules.join(', ')}</td></tr>`)}
</tbody></table>${byScore.length > 25 ? html`<p class="more">25 of the ${byScore.length} patterns with findings.</p>` : ''}`
    : html`<p>Every pattern conforms to the template.</p>`
}</section>
${section(
  `Not updated for ${r.staleDays} days`,
  r.stale.map((s) => html`${name(s.slug)}: ${s.updated ? `${s.updated} (${s.ageDays} days ago)` : 'no dated changelog entry'}`),
)}
${section(
  'Orphans (no relation in or out)',
  r.orphans.map((s) => name(s)),
)}
${section(
  'One-way relations',
  r.oneWay.map((o) => html`${name(o.from)} → ${name(o.to)} (${o.kind})`),
)}
${section(
  'Near-duplicates',
  r.nearDuplicates.map((d) => html`${name(d.slug)}: ${d.message}`),
)}
${
  verified
    ? section(
        'Not verified or failing',
        r.patterns.filter((p) => p.verification.status !== 'passed').map((p) => html`${name(p.slug)}: ${notVerified(p.verification)}`),
      )
    : html`<section><h2>Not verified or failing</h2><p>No pattern has been verified yet: <code>patternbook verify</code> runs their steps and records the result.</p></section>`
}
`;
}

/** A bar chart as SVG: labelled bars with their values, readable without the picture (title and a table-like description). */
function barChart(title: string, data: { label: string; value: number }[], direction: 'vertical' | 'horizontal', axis?: string, empty = 'Nothing to show.'): Raw {
  const max = Math.max(1, ...data.map((d) => d.value));
  const description = data.map((d) => `${d.label}: ${d.value}`).join(', ');
  if (!data.length) return html`<figure class="chart"><figcaption>${title}</figcaption><p>${empty}</p></figure>`;
  if (direction === 'vertical') {
    // Bins wide enough for their labels at 12 px ("90–99"), a baseline, and the axis named under them.
    const w = 44;
    const h = 120;
    const top = 18;
    const width = data.length * w + 12;
    const bars = data.map((d, i) => {
      const bh = Math.round((d.value / max) * h);
      const x = i * w + 6;
      return `<rect class="bar" x="${x + 4}" y="${top + h - bh}" width="${w - 8}" height="${bh}"/><text x="${x + w / 2}" y="${top + h - bh - 4}" text-anchor="middle">${d.value}</text><text x="${x + w / 2}" y="${top + h + 16}" text-anchor="middle" class="axis">${esc(d.label)}</text>`;
    });
    const height = top + h + (axis ? 40 : 24);
    const baseline = `<line class="baseline" x1="6" x2="${width - 6}" y1="${top + h + 0.5}" y2="${top + h + 0.5}"/>`;
    const axisTitle = axis ? `<text x="${width / 2}" y="${height - 4}" text-anchor="middle" class="axis">${esc(axis)}</text>` : '';
    return html`<figure class="chart"><figcaption>${title}</figcaption>${raw(`<svg role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}: ${esc(description)}</title>${bars.join('')}${baseline}${axisTitle}</svg>`)}</figure>`;
  }
  const rowH = 24;
  const labelW = 180;
  const barW = 220;
  const height = data.length * rowH + 4;
  const rows = data.map((d, i) => {
    const bw = Math.round((d.value / max) * barW);
    return `<text x="${labelW - 8}" y="${i * rowH + 17}" text-anchor="end" class="axis">${esc(d.label)}</text><rect class="bar" x="${labelW}" y="${i * rowH + 4}" width="${bw}" height="${rowH - 8}"/><text x="${labelW + bw + 5}" y="${i * rowH + 17}">${d.value}</text>`;
  });
  return html`<figure class="chart"><figcaption>${title}</figcaption>${raw(`<svg role="img" viewBox="0 0 ${labelW + barW + 48} ${height}" width="${labelW + barW + 48}" height="${height}"><title>${esc(title)}: ${esc(description)}</title>${rows.join('')}</svg>`)}</figure>`;
}

/** `report --format html`: a page of its own (styles inline, no script). */
export function healthPage(r: HealthReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(r.title)}: health</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.chart{margin:0}.chart figcaption{font-weight:600}
.chart .bar{fill:#2563eb}.chart text{font-size:12px;fill:#1f2328}.chart .axis{fill:#59636e}.chart .baseline{stroke:#59636e}
table{border-collapse:collapse}td,th{border-bottom:1px solid #d1d9e0;padding:.25rem .5rem;text-align:left}</style>
</head><body><main><h1>${esc(r.title)}: health</h1>${healthBody(r).raw}</main></body></html>
`;
}
