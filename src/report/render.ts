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
  out.push(`  verification: ${r.verification.passed} passed, ${r.verification.failed} failing, ${r.verification.incomplete} incomplete, ${r.verification.never} never verified`);
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
  list(`Not updated for ${r.staleDays} days (by the changelog)`, r.stale.map((s) => `${s.slug}: ${s.updated ? `${s.updated}, ${s.ageDays} days ago` : 'no dated changelog entry'}`));
  list('Orphans (no relation in or out)', r.orphans);
  list('One-way relations', r.oneWay.map((o) => `${o.from} → ${o.to} (${o.kind}): ${o.to} does not list ${o.from}`));
  list('Near-duplicates', r.nearDuplicates.map((d) => `${d.slug}: ${d.message}`));
  list(
    'Not verified or failing',
    r.patterns.filter((p) => p.verification.status !== 'passed').map((p) => `${p.slug}: ${notVerified(p.verification)}`),
  );
  return `${out.join('\n')}\n`;
}

/** The report's body: figures, SVG charts (drawn here, no chart script) and the lists. The site's Health page and `--format html` share it. */
export function healthBody(r: HealthReport, patternHref?: (slug: string) => string): Raw {
  const name = (slug: string) => (patternHref ? html`<a href="${patternHref(slug)}">${slug}</a>` : html`${slug}`);
  const section = (title: string, items: Raw[], empty = 'None.') => html`<section><h2>${title}</h2>${items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p>${empty}</p>`}</section>`;
  const bins = Array.from({ length: 10 }, (_, i) => r.patterns.filter((p) => Math.min(Math.floor(p.score / 10), 9) === i).length);
  return html`
<p class="health-figures"><strong>${r.patterns.length}</strong> patterns · mean conformance <strong>${r.score}</strong>/100 ·
<strong>${r.verification.passed}</strong> verified, <strong>${r.verification.failed}</strong> failing, <strong>${r.verification.incomplete}</strong> incomplete, <strong>${r.verification.never}</strong> never verified · as of <time datetime="${r.date}">${r.date}</time></p>
<div class="charts">
${barChart('Patterns by conformance score', bins.map((n, i) => ({ label: i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`, value: n })), 'vertical')}
${barChart('Patterns with a finding, per rule', r.rules.filter((x) => x.patterns > 0).slice(0, 15).map((x) => ({ label: x.id, value: x.patterns })), 'horizontal')}
${barChart('Verification', [{ label: 'verified', value: r.verification.passed }, { label: 'failing', value: r.verification.failed }, { label: 'incomplete', value: r.verification.incomplete }, { label: 'never verified', value: r.verification.never }], 'horizontal')}
</div>
<section><h2>Lowest scores</h2>
<table><thead><tr><th scope="col">Pattern</th><th scope="col">Score</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Rules</th></tr></thead><tbody>
${[...r.patterns].sort((a, b) => a.score - b.score || (a.slug < b.slug ? -1 : 1)).slice(0, 25).map((p) => html`<tr><td>${name(p.slug)}</td><td>${p.score}</td><td>${p.errors}</td><td>${p.warnings}</td><td>${p.rules.join(', ')}</td></tr>`)}
</tbody></table></section>
${section(`Not updated for ${r.staleDays} days`, r.stale.map((s) => html`${name(s.slug)}: ${s.updated ? `${s.updated} (${s.ageDays} days ago)` : 'no dated changelog entry'}`))}
${section('Orphans (no relation in or out)', r.orphans.map((s) => name(s)))}
${section('One-way relations', r.oneWay.map((o) => html`${name(o.from)} → ${name(o.to)} (${o.kind})`))}
${section('Near-duplicates', r.nearDuplicates.map((d) => html`${name(d.slug)}: ${d.message}`))}
${section('Not verified or failing', r.patterns.filter((p) => p.verification.status !== 'passed').map((p) => html`${name(p.slug)}: ${notVerified(p.verification)}`))}
`;
}

/** A bar chart as SVG: labelled bars with their values, readable without the picture (title and a table-like description). */
function barChart(title: string, data: { label: string; value: number }[], direction: 'vertical' | 'horizontal'): Raw {
  const max = Math.max(1, ...data.map((d) => d.value));
  const description = data.map((d) => `${d.label}: ${d.value}`).join(', ');
  if (!data.length) return html`<figure class="chart"><figcaption>${title}</figcaption><p>Nothing to show.</p></figure>`;
  if (direction === 'vertical') {
    const w = 32;
    const h = 120;
    const width = data.length * w + 10;
    const bars = data.map((d, i) => {
      const bh = Math.round((d.value / max) * h);
      return `<rect class="bar" x="${i * w + 6}" y="${h - bh + 14}" width="${w - 8}" height="${bh}"/><text x="${i * w + w / 2 + 2}" y="${h - bh + 10}" text-anchor="middle">${d.value}</text><text x="${i * w + w / 2 + 2}" y="${h + 28}" text-anchor="middle" class="axis">${esc(d.label)}</text>`;
    });
    return html`<figure class="chart"><figcaption>${title}</figcaption>${raw(`<svg role="img" viewBox="0 0 ${width} ${h + 34}" width="${width}" height="${h + 34}"><title>${esc(title)}: ${esc(description)}</title>${bars.join('')}</svg>`)}</figure>`;
  }
  const rowH = 22;
  const labelW = 170;
  const barW = 220;
  const height = data.length * rowH + 4;
  const rows = data.map((d, i) => {
    const bw = Math.round((d.value / max) * barW);
    return `<text x="${labelW - 6}" y="${i * rowH + 15}" text-anchor="end" class="axis">${esc(d.label)}</text><rect class="bar" x="${labelW}" y="${i * rowH + 3}" width="${bw}" height="${rowH - 6}"/><text x="${labelW + bw + 4}" y="${i * rowH + 15}">${d.value}</text>`;
  });
  return html`<figure class="chart"><figcaption>${title}</figcaption>${raw(`<svg role="img" viewBox="0 0 ${labelW + barW + 40} ${height}" width="${labelW + barW + 40}" height="${height}"><title>${esc(title)}: ${esc(description)}</title>${rows.join('')}</svg>`)}</figure>`;
}

/** `report --format html`: a page of its own (styles inline, no script). */
export function healthPage(r: HealthReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(r.title)}: health</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.chart{margin:0}.chart figcaption{font-weight:600}
.chart .bar{fill:#2563eb}.chart text{font-size:11px;fill:#1f2328}.chart .axis{fill:#59636e}
table{border-collapse:collapse}td,th{border-bottom:1px solid #d1d9e0;padding:.25rem .5rem;text-align:left}</style>
</head><body><main><h1>${esc(r.title)}: health</h1>${healthBody(r).raw}</main></body></html>
`;
}
