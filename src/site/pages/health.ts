import { registry } from '../../lint/registry.js';
import { DEFAULT_STALE_DAYS, healthReport } from '../../report/health.js';
import { healthBody } from '../../report/render.js';
import { html } from '../html.js';
import { page, type SiteInfo } from '../layout.js';
import type { PageMeta } from '../model.js';

/**
 * The Health page: `patternbook report` on the site, from the pages'
 * metadata (lint findings, relations, changelog dates, verification), charts
 * drawn as SVG at build time. Ages count from SOURCE_DATE_EPOCH when it is
 * set (reproducible builds), else from today.
 */
export function healthPage(site: SiteInfo, pages: PageMeta[], baselined = 0, now = buildDate()): string {
  const rules = site.config.rules;
  const report = healthReport({
    title: site.title,
    patterns: pages.map((p) => ({
      slug: p.slug,
      title: p.title,
      ...(p.updated ? { updated: p.updated } : {}),
      related: p.related,
      alternatives: p.alternatives,
      backlinks: p.backlinks,
      ...(p.verification ? { verification: p.verification } : {}),
      diagnostics: p.diagnostics,
    })),
    ruleIds: registry
      .map((r) => r.meta.id)
      .filter((id) => {
        const setting = rules[id];
        return (Array.isArray(setting) ? setting[0] : setting) !== 'off';
      }),
    now,
    staleDays: site.config.report.staleDays ?? DEFAULT_STALE_DAYS,
    baselined,
  });
  const main = html`<h1>Health</h1>${healthBody(report, (slug) => `../patterns/${encodeURIComponent(slug)}/`)}`;
  return page({
    site,
    title: 'Health',
    toRoot: '../',
    path: 'health/',
    description: `How well the ${report.patterns.length} patterns of ${site.title} conform to the template, how fresh they are, how they relate, and whether their steps still work.`,
    main,
    bodyClass: 'health-page',
  });
}

function buildDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date();
}
