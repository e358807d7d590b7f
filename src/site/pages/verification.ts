import { html, type Raw } from '../html.js';
import type { PageMeta } from '../model.js';

/**
 * "verified 2026-11-27", "failing 2026-11-27", "incomplete 2026-11-27" or "never verified": what
 * the last `patternbook verify` found. With `detail`, the reason and the commit too.
 */
export function verificationBadge(p: Pick<PageMeta, 'verification'>, detail = false): Raw | string {
  const v = p.verification;
  if (!v) return '';
  const day = v.when?.slice(0, 10);
  const title = [v.when ? `Last run ${v.when}` : 'No run recorded', v.commit ? `at commit ${v.commit.slice(0, 12)}` : '', v.reason ?? ''].filter(Boolean).join(' · ');
  // Only a passed run is "verified": an incomplete one ran some blocks but others were the template's samples.
  const label = v.status === 'passed' ? 'verified' : v.status === 'failed' ? 'failing' : v.status === 'incomplete' ? 'incomplete' : 'never verified';
  return html`<span class="verified ${v.status}" title="${title}">${label}${day ? html` <time datetime="${v.when!}">${day}</time>` : ''}</span>${
    detail && (v.reason || v.commit)
      ? html` <small class="verified-detail">${v.reason ?? ''}${v.reason && v.commit ? ' · ' : ''}${v.commit ? `commit ${v.commit.slice(0, 12)}` : ''}</small>`
      : ''
  }`;
}
