#!/usr/bin/env node
// Synthetic pattern catalogs for the benchmark.
//
//   node bench/generate-catalog.mjs <dir> <count> [seed]
//
// Writes <count> patterns `pattern-00001-<word>/README.md` (+ diagrams/architecture.svg)
// that follow the default template (templates/pattern.md): the generator reads the
// template's headings and walks them in order, so the output stays true to the
// template if it changes. Text comes from a seeded PRNG, so a (count, seed) pair
// always gives the same catalog. About 5% of the patterns carry one injected
// defect (missing section, placeholder left in, broken relative link, section out
// of order); they are listed in `.bench-catalog.json` at the catalog root.
//
// Plain Node, no dependencies.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GENERATOR_VERSION = 2;
export const MARKER_FILE = '.bench-catalog.json';
export const DEFAULT_TEMPLATE = fileURLToPath(new URL('../templates/pattern.md', import.meta.url));
export const DEFAULT_SEED = 42;

// ---------------------------------------------------------------------------
// PRNG

function hashSeed(...parts) {
  // FNV-1a over the parts' text: a 32-bit seed.
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for text. */
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  const sample = (arr, n) => {
    const copy = arr.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  };
  return { next, int, pick, chance, sample };
}

// ---------------------------------------------------------------------------
// Words. No imperative verbs an author's instruction would start with
// (describe, explain, provide, add, list, specify), no question marks, no
// brackets: the prose must not look like a template placeholder.

const WORDS = `
service request response queue broker consumer producer message event stream
partition replica leader follower cluster node region zone gateway proxy cache
ledger account order invoice payment shipment inventory catalog tenant session
token credential certificate secret policy quota limit budget deadline timeout
retry backoff jitter circuit bulkhead pool thread worker scheduler batch window
snapshot checkpoint offset cursor index shard bucket blob object table column
schema migration version contract adapter facade registry discovery endpoint
latency throughput capacity saturation pressure spike burst trickle drain flush
compaction replication election heartbeat lease lock fence epoch sequence clock
idempotent durable transient eventual strict optimistic pessimistic bounded
stale fresh warm cold hot steady degraded healthy partial complete pending
upstream downstream inbound outbound internal external shared dedicated
the a an each every its their this that which when while after before during
because although unless until so then also only still often rarely usually
keeps holds sends receives stores reads writes forwards rejects accepts retries
records emits tracks measures compares merges splits routes balances sheds
throttles buffers batches replays reconciles commits aborts confirms signals
protects isolates limits absorbs smooths spreads orders groups filters tags
operator developer caller client team platform runtime pipeline deployment
container host volume network link route channel topic subscription handler
failure fault outage incident recovery fallback default threshold budget
state transition counter gauge histogram trace span metric alert dashboard
careful simple small large narrow wide early late slow fast cheap costly
predictable visible explicit implicit reversible safe risky common rare
within across between behind beyond around through against without toward
load traffic storage memory disk socket connection handshake payload header
`
  .trim()
  .split(/\s+/);

const NOUNS = `
service request queue broker consumer producer message event stream partition
replica cluster gateway proxy cache ledger account order invoice payment
shipment inventory catalog tenant session token policy quota budget deadline
retry backoff circuit bulkhead pool worker scheduler batch window snapshot
checkpoint offset cursor index shard bucket schema migration adapter facade
registry endpoint lease lock fence epoch sequence heartbeat election replay
outbox inbox saga relay beacon mirror sidecar ambassador throttle valve
`
  .trim()
  .split(/\s+/);

const KINDS = ['Gateway', 'Broker', 'Relay', 'Guard', 'Router', 'Ledger', 'Pipeline', 'Coordinator', 'Buffer', 'Mirror', 'Registry', 'Fence'];
const FIRST = [
  'Ada',
  'Bruno',
  'Chen',
  'Dara',
  'Elif',
  'Farah',
  'Goran',
  'Hana',
  'Ivo',
  'Jonas',
  'Kemal',
  'Lena',
  'Mateo',
  'Noor',
  'Oskar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tomas',
  'Uma',
  'Vera',
  'Wim',
  'Yara',
  'Zoltan',
];
const LAST = [
  'Almeida',
  'Brandt',
  'Costa',
  'Duarte',
  'Eriksen',
  'Fischer',
  'Gallo',
  'Horvat',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Sato',
  'Tanaka',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zeller',
];
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'MPL-2.0', 'ISC'];
const TLDS = ['dev', 'io', 'org', 'net'];

const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);
const pad5 = (n) => String(n).padStart(5, '0');

function sentence(r, min = 5, max = 11) {
  const n = r.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = r.pick(WORDS);
    if (i > 0 && r.chance(0.04)) w = `\`${r.pick(NOUNS)}_${r.pick(NOUNS)}\``;
    words.push(w);
    if (i > 2 && i < n - 2 && r.chance(0.08)) words[words.length - 1] += ',';
  }
  words[0] = cap(words[0].replace(/`/g, ''));
  return `${words.join(' ')}.`;
}

const sentences = (r, min, max) => Array.from({ length: r.int(min, max) }, () => sentence(r)).join(' ');
const paragraph = (r) => sentences(r, 2, 4);
const shortText = (r) => sentence(r, 5, 10);
const titleWords = (r, n) => Array.from({ length: n }, () => cap(r.pick(NOUNS))).join(' ');

function command(r, ctx) {
  const w = r.pick(NOUNS);
  const w2 = r.pick(NOUNS);
  const n = r.int(1, 64);
  const forms = [
    () => `kubectl apply -f deploy/${ctx.word}-${w}.yaml`,
    () => `curl -fsS http://localhost:${8000 + n}/${w}/health`,
    () => `docker compose up -d ${ctx.word}-${w}`,
    () => `export ${r.pick(ctx.params).name}=${n}`,
    () => `npm run ${w}:${w2}`,
    () => `./scripts/${w}.sh --${w2} ${n}`,
    () => `helm upgrade --install ${ctx.word}-${w} charts/${w}`,
    () => `terraform apply -var ${w}_${w2}=${n}`,
    () => `node tools/${w}.mjs --${w2}=${n}`,
    () => `grep -c ${w} logs/${ctx.word}.log`,
  ];
  return r.pick(forms)();
}

function bashBlock(r, ctx, min = 1, max = 3, first = []) {
  const lines = [`# ${shortText(r).replace(/\.$/, '')}`, ...first];
  const n = r.int(min, max);
  for (let i = 0; i < n; i++) lines.push(command(r, ctx));
  return ['```bash', ...lines, '```'].join('\n');
}

// ---------------------------------------------------------------------------
// Template outline

/**
 * Reads the template's headings in order (outside fenced code), with the body
 * text under each, and folds runs of repeatable headings (`Step 1: …`,
 * `Step 2: …`; `Issue 1: …`; `Version 1.0.0 (…)`) into one entry.
 */
export function readTemplateOutline(templateFile = DEFAULT_TEMPLATE) {
  const text = readFileSync(templateFile, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const raw = [];
  let fence = null;
  let current = null;
  for (const line of lines) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (line.trim().startsWith(fence[0].repeat(fence.length)) && /^ {0,3}(`{3,}|~{3,})\s*$/.test(line)) fence = null;
    }
    const h = !fence && !f ? /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line) : null;
    if (h) {
      current = { level: h[1].length, text: h[2], body: [] };
      raw.push(current);
    } else if (current) {
      current.body.push(line);
    }
  }
  const outline = [];
  for (const h of raw) {
    const body = h.body.join('\n').trim();
    const rep = repeatKind(h.text);
    const prev = outline[outline.length - 1];
    if (rep && prev && prev.repeat === rep.kind && prev.level === h.level) {
      prev.count++;
      continue;
    }
    outline.push({ level: h.level, text: h.text, body, repeat: rep?.kind ?? null, label: rep?.label ?? null, count: 1 });
  }
  return { file: templateFile, text, outline };
}

function repeatKind(text) {
  let m = /^Version\s+\d+\.\d+\.\d+/i.exec(text);
  if (m) return { kind: 'version', label: 'Version' };
  m = /^([A-Za-z][A-Za-z ]*?)\s+(\d+)\s*:/.exec(text);
  if (m) return { kind: m[1].toLowerCase(), label: m[1] };
  return null;
}

/** Labels such as `**Symptom**: What you observe`, with the list marker used ('' for none). */
function labelLines(body) {
  const out = [];
  for (const line of body.split('\n')) {
    const m = /^\s*(?:(-|\*|\d+\.)\s+)?\*\*([^*]+)\*\*\s*:/.exec(line);
    if (m) out.push({ marker: m[1] ?? '', label: m[2] });
  }
  return out;
}

function labelled(r, body, value = () => sentence(r)) {
  const labels = labelLines(body);
  if (!labels.length) return null;
  const separated = labels.every((l) => l.marker === '');
  return labels
    .map((l, i) => {
      const marker = l.marker === '' ? '' : /\d+\./.test(l.marker) ? `${i + 1}. ` : `${l.marker} `;
      return `${marker}**${l.label}**: ${value(l.label)}`;
    })
    .join(separated ? '\n\n' : '\n');
}

// ---------------------------------------------------------------------------
// One pattern

function sectionBody(r, entry, ctx) {
  const name = entry.text.toLowerCase();
  switch (name) {
    case 'overview':
      return Array.from({ length: r.int(2, 3) }, () => paragraph(r)).join('\n\n');
    case 'architecture':
      return `${paragraph(r)}\n\n![Architecture Diagram](diagrams/architecture.svg)`;
    case 'components':
      return `${shortText(r)}\n\n${ctx.components.map((c, i) => `${i + 1}. **${c}**: ${sentence(r)}`).join('\n')}`;
    case 'data flow':
      return `${shortText(r)}\n\n${Array.from({ length: r.int(3, 5) }, (_, i) => `${i + 1}. ${shortText(r)}`).join('\n')}`;
    case 'prerequisites':
      return `${shortText(r)}\n\n${Array.from({ length: r.int(3, 4) }, () => `- [ ] ${shortText(r).replace(/\.$/, '')}`).join('\n')}`;
    case 'implementation':
      return '';
    case 'configuration':
      return `${sentence(r)}\n\n| Parameter | Description | Required | Default |\n|-----------|-------------|----------|---------|\n${ctx.params
        .map((p) => `| ${p.name} | ${shortText(r).replace(/\.$/, '')} | ${p.required ? 'Yes' : 'No'} | ${p.required ? 'N/A' : `\`${p.value}\``} |`)
        .join('\n')}`;
    case 'testing':
    case 'deployment':
      return r.chance(0.5) ? sentence(r) : '';
    case 'manual testing':
      return `${shortText(r)}\n\n${Array.from({ length: r.int(3, 4) }, (_, i) => `${i + 1}. ${sentence(r)}`).join('\n')}`;
    case 'automated testing':
    case 'local development':
    case 'production deployment':
    case 'cleanup':
      return `${sentences(r, 1, 2)}\n\n${bashBlock(r, ctx, 1, 3)}`;
    case 'limitations':
      return `${shortText(r)}\n\n${Array.from({ length: r.int(2, 4) }, () => `- ${sentence(r)}`).join('\n')}`;
    case 'alternatives':
      return `${shortText(r)}\n\n${Array.from({ length: r.int(2, 3) }, (_, i) => `${i + 1}. **${titleWords(r, 2)}**: ${sentence(r)}`).join('\n')}`;
    case 'related patterns':
      return ctx.related.map((s) => `- [${ctx.titles[s]}](../${s}/README.md)`).join('\n');
    case 'resources':
      return `${shortText(r)}\n\n${Array.from({ length: 3 }, () => {
        const w = r.pick(NOUNS);
        return `- [${titleWords(r, 3)}](https://docs.${w}.${r.pick(TLDS)}/${r.pick(NOUNS)}/${r.pick(NOUNS)})`;
      }).join('\n')}`;
    case 'license':
      return `Released under the ${ctx.license} license.`;
    case 'author': {
      const user = `${ctx.author.first}-${ctx.author.last}`.toLowerCase();
      return `- **Name**: ${ctx.author.first} ${ctx.author.last}\n- **GitHub**: [@${user}](https://github.com/${user})\n- **Email**: ${user}@${ctx.word}.${r.pick(TLDS)}`;
    }
    default: {
      // A section the generator has no recipe for: keep the template's shape.
      const l = labelled(r, entry.body);
      if (l) return `${shortText(r)}\n\n${l}`;
      if (!entry.body) return '';
      if (!entry.body.includes('\n')) return shortText(r);
      return Array.from({ length: r.int(1, 2) }, () => paragraph(r)).join('\n\n');
    }
  }
}

function repeated(r, entry, ctx) {
  const hashes = '#'.repeat(entry.level);
  const blocks = [];
  if (entry.repeat === 'version') {
    const n = r.int(1, 3);
    let [maj, min, patch] = [1, n - 1, 0];
    const base = Date.UTC(2023, 0, 1) + r.int(0, 500) * 86400000;
    for (let i = 0; i < n; i++) {
      const date = new Date(base - i * r.int(20, 90) * 86400000).toISOString().slice(0, 10);
      const items = i === n - 1 ? ['- Initial release'] : Array.from({ length: r.int(1, 3) }, () => `- ${shortText(r)}`);
      blocks.push(`${hashes} Version ${maj}.${min}.${patch} (${date})\n\n${items.join('\n')}`);
      if (min > 0) min--;
      patch = 0;
    }
    return blocks;
  }
  const isStep = entry.repeat === 'step';
  const n = isStep ? r.int(3, 5) : entry.repeat === 'issue' ? 2 : Math.max(entry.count, 2);
  // Each Configuration parameter is set in one of the steps, so none is unused.
  const exportsAt = Array.from({ length: n }, () => []);
  if (isStep) for (const p of ctx.params) exportsAt[r.int(0, n - 1)].push(`export ${p.name}=${p.value}`);
  for (let i = 1; i <= n; i++) {
    let body;
    if (isStep) body = `${sentences(r, 1, 3)}\n\n${bashBlock(r, ctx, 1, 3, exportsAt[i - 1])}`;
    else body = labelled(r, entry.body) ?? paragraph(r);
    blocks.push(`${hashes} ${entry.label} ${i}: ${titleWords(r, r.int(2, 4))}\n\n${body}`);
  }
  return blocks;
}

function svg(title, components) {
  const w = 160;
  const gap = 40;
  const width = components.length * (w + gap) + gap;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 200" width="${width}" height="200" font-family="Helvetica, Arial, sans-serif" font-size="13">`,
    `  <title>${title} architecture</title>`,
    '  <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333333"/></marker></defs>',
    `  <rect x="0" y="0" width="${width}" height="200" fill="#ffffff"/>`,
  ];
  components.forEach((c, i) => {
    const x = gap + i * (w + gap);
    parts.push(`  <rect x="${x}" y="70" width="${w}" height="60" rx="8" fill="#eef3fb" stroke="#3366aa"/>`);
    parts.push(`  <text x="${x + w / 2}" y="105" text-anchor="middle">${c}</text>`);
    if (i > 0) parts.push(`  <line x1="${x - gap + 2}" y1="100" x2="${x - 2}" y2="100" stroke="#333333" marker-end="url(#arrow)"/>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

/** Splits a README into its H1 part and one chunk per H2 (with the H3s under it). */
function groupsOf(outline, parts) {
  const groups = [];
  outline.forEach((entry, i) => {
    if (entry.level <= 2 || !groups.length) groups.push({ name: entry.text, chunks: [parts[i]] });
    else groups[groups.length - 1].chunks.push(parts[i]);
  });
  return groups;
}

function renderPattern(index, ctx, template, defect) {
  const r = makeRng(hashSeed(ctx.seed, 'pattern', index));
  const parts = template.outline.map((entry) => {
    const hashes = '#'.repeat(entry.level);
    if (entry.repeat) return repeated(r, entry, ctx).join('\n\n');
    if (entry.level === 1) return `# ${ctx.title}\n\n> ${sentence(r, 10, 18)}`;
    const heading = entry.text.replace(/\[Pattern Title\]/gi, ctx.title).replace(/\[[^\]]+\]/g, () => titleWords(r, 2));
    const body = sectionBody(r, entry, ctx);
    return body ? `${hashes} ${heading}\n\n${body}` : `${hashes} ${heading}`;
  });
  const groups = groupsOf(template.outline, parts);
  if (defect) applyDefect(groups, defect, ctx);
  return `${groups.map((g) => g.chunks.join('\n\n')).join('\n\n')}\n`;
}

function applyDefect(groups, defect, ctx) {
  const r = makeRng(hashSeed(ctx.seed, 'defect', ctx.slug));
  const body = groups.slice(1); // never the title
  const find = (name) => groups.find((g) => g.name.toLowerCase() === name);
  switch (defect.kind) {
    case 'missing-section': {
      const g = r.pick(body.filter((x) => x.name !== 'Related Patterns'));
      groups.splice(groups.indexOf(g), 1);
      defect.detail = `section "${g.name}" removed`;
      break;
    }
    case 'out-of-order': {
      const i = r.int(1, groups.length - 2);
      [groups[i], groups[i + 1]] = [groups[i + 1], groups[i]];
      defect.detail = `"${groups[i].name}" moved before "${groups[i + 1].name}"`;
      break;
    }
    case 'placeholder': {
      const variant = r.int(0, 2);
      const lim = find('limitations');
      const author = find('author');
      const overview = find('overview') ?? groups[1];
      if (variant === 0 && lim) {
        lim.chunks[lim.chunks.length - 1] += '\n- Limitation 1: Description';
        defect.detail = 'Limitations keeps "Limitation 1: Description"';
      } else if (variant === 1 && author) {
        author.chunks[0] = author.chunks[0].replace(/- \*\*Name\*\*: .*/, '- **Name**: Your Name');
        defect.detail = 'Author name left as "Your Name"';
      } else {
        overview.chunks[0] += '\n\nExplain how data flows through the system:';
        defect.detail = 'Overview keeps the instruction "Explain how data flows through the system:"';
      }
      break;
    }
    case 'broken-link': {
      const rel = find('related patterns');
      const missing = `pattern-${pad5(ctx.count + 1 + ctx.index)}-missing`;
      if (rel && r.chance(0.75)) {
        // An extra item rather than a changed one: the other links stay reciprocal.
        rel.chunks[0] += `\n- [${titleWords(r, 2)}](../${missing}/README.md)`;
        defect.detail = `Related Patterns links to ../${missing}/README.md`;
      } else {
        const arch = find('architecture') ?? groups[1];
        arch.chunks[0] = arch.chunks[0].replace('diagrams/architecture.svg', 'diagrams/architecture.png');
        defect.detail = 'diagram reference diagrams/architecture.png does not exist';
      }
      break;
    }
  }
}

// ---------------------------------------------------------------------------
// Catalog

const DEFECT_KINDS = ['missing-section', 'placeholder', 'broken-link', 'out-of-order'];

/**
 * Writes a synthetic catalog of `count` patterns into `dir` (created if needed;
 * a previous generated catalog there is replaced; any other non-empty folder is
 * refused). Returns what it wrote, including the injected defects.
 */
export function generateCatalog(dir, { count, seed = DEFAULT_SEED, template: templateFile = DEFAULT_TEMPLATE, defectRate = 0.05 } = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer (got ${count})`);
  const root = path.resolve(dir);
  if (existsSync(root) && readdirSync(root).length) {
    if (!existsSync(path.join(root, MARKER_FILE))) throw new Error(`${root} is not empty and is not a generated catalog; refusing to write there`);
    rmSync(root, { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  const template = readTemplateOutline(templateFile);
  const templateHash = createHash('sha256').update(template.text).digest('hex').slice(0, 16);

  // Slugs and titles first: related links need them.
  const slugs = [];
  const titles = {};
  const words = [];
  for (let i = 1; i <= count; i++) {
    const r = makeRng(hashSeed(seed, 'name', i));
    const word = r.pick(NOUNS);
    const slug = `pattern-${pad5(i)}-${word}`;
    slugs.push(slug);
    words.push(word);
    titles[slug] = `${cap(word)} ${cap(r.pick(NOUNS))} ${r.pick(KINDS)} ${i}`;
  }

  const g = makeRng(hashSeed(seed, 'defects', count));
  const nDefects = Math.round(count * defectRate);
  const defects = new Map(
    g
      .sample(
        slugs.map((_, i) => i),
        nDefects,
      )
      .sort((a, b) => a - b)
      .map((i, k) => [i, { slug: slugs[i], kind: DEFECT_KINDS[k % DEFECT_KINDS.length] }]),
  );

  const related = relatedGraph(g, count);

  let bytes = 0;
  let files = 0;
  for (let i = 0; i < count; i++) {
    const slug = slugs[i];
    const r = makeRng(hashSeed(seed, 'ctx', i));
    const nParams = r.int(3, 6);
    const prefix = words[i].toUpperCase();
    const params = [];
    const bases = new Set();
    while (params.length < nParams) {
      const base = r.pick(NOUNS).toUpperCase();
      if (bases.has(base)) continue;
      bases.add(base);
      params.push({ name: `${prefix}_${base}${r.chance(0.3) ? '_MS' : ''}`, required: r.chance(0.3), value: r.int(1, 5000) });
    }
    const components = [];
    const nComp = r.int(3, 5);
    while (components.length < nComp) {
      const c = titleWords(r, 2);
      if (!components.includes(c)) components.push(c);
    }
    const ctx = {
      seed,
      count,
      index: i,
      slug,
      word: words[i],
      title: titles[slug],
      titles,
      related: r.sample([...related[i]], related[i].size).map((j) => slugs[j]),
      params,
      components,
      license: r.pick(LICENSES),
      author: { first: r.pick(FIRST), last: r.pick(LAST) },
    };
    const defect = defects.get(i) ?? null;
    const md = renderPattern(i, ctx, template, defect);
    const diagram = svg(ctx.title, components);
    mkdirSync(path.join(root, slug, 'diagrams'), { recursive: true });
    writeFileSync(path.join(root, slug, 'README.md'), md);
    writeFileSync(path.join(root, slug, 'diagrams', 'architecture.svg'), diagram);
    bytes += Buffer.byteLength(md);
    files += 1;
  }

  const info = {
    generator: GENERATOR_VERSION,
    count,
    seed,
    template: path.relative(process.cwd(), template.file) || template.file,
    templateHash,
    patterns: files,
    markdownBytes: bytes,
    defects: [...defects.values()],
  };
  writeFileSync(path.join(root, MARKER_FILE), `${JSON.stringify(info, null, 2)}\n`);
  return { dir: root, ...info };
}

/**
 * Related Patterns as a symmetric graph (if A lists B, B lists A), 2–4 links
 * each: a ring through all patterns, plus chords to near and far ones.
 */
function relatedGraph(r, count) {
  const rel = Array.from({ length: count }, () => new Set());
  const link = (a, b) => {
    if (a === b) return;
    rel[a].add(b);
    rel[b].add(a);
  };
  if (count < 2) return rel;
  for (let i = 0; i < count; i++) link(i, (i + 1) % count);
  for (let i = 0; i < count; i++) {
    const want = r.int(2, 4);
    for (let tries = 0; rel[i].size < want && tries < 6; tries++) {
      const j = r.chance(0.5) ? (i + r.int(2, 20)) % count : r.int(0, count - 1);
      if (j !== i && rel[j].size < 4) link(i, j);
    }
  }
  return rel;
}

/** The marker of a catalog generated earlier in `dir`, or null. */
export function readCatalogInfo(dir) {
  try {
    return JSON.parse(readFileSync(path.join(dir, MARKER_FILE), 'utf8'));
  } catch {
    return null;
  }
}

export function templateHashOf(templateFile = DEFAULT_TEMPLATE) {
  return createHash('sha256').update(readFileSync(templateFile, 'utf8').replace(/\r\n?/g, '\n')).digest('hex').slice(0, 16);
}

/**
 * The generated catalog of `size` patterns under `workDir`, made once and
 * reused by later runs while the generator, seed and template are unchanged.
 */
export function cachedCatalog(workDir, size, seed = DEFAULT_SEED) {
  const dir = path.join(workDir, `catalog-${size}-seed${seed}`);
  const info = readCatalogInfo(dir);
  if (info && info.generator === GENERATOR_VERSION && info.count === size && info.seed === seed && info.templateHash === templateHashOf()) {
    return { dir, info, reused: true, seconds: 0 };
  }
  const t0 = performance.now();
  const generated = generateCatalog(dir, { count: size, seed });
  return { dir, info: generated, reused: false, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------
// CLI

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dir, countArg, seedArg] = process.argv.slice(2);
  const count = Number(countArg);
  if (!dir || !Number.isInteger(count) || count < 1) {
    console.error('usage: node bench/generate-catalog.mjs <dir> <count> [seed]');
    process.exit(2);
  }
  const seed = seedArg === undefined ? DEFAULT_SEED : Number.isNaN(Number(seedArg)) ? seedArg : Number(seedArg);
  const t0 = performance.now();
  try {
    const info = generateCatalog(dir, { count, seed });
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `${info.patterns} patterns in ${info.dir} (${(info.markdownBytes / 1e6).toFixed(1)} MB of Markdown, ` +
        `${Math.round(info.markdownBytes / info.patterns)} bytes each on average, ${info.defects.length} with an injected defect) in ${s} s`,
    );
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
}
