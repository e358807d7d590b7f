import { shellWord } from '../../util/shell-word.js';
import type { Command } from 'commander';
import path from 'node:path';
import { PatternbookError } from '../../diagnostics.js';
import type { AdoptResult, LintSummary } from '../../scaffold/adopt.js';
import type { CommandContext } from '../context.js';

export function registerInit(program: Command, ctx: CommandContext): Command {
  return program
    .command('init')
    .description(
      'start a catalog: a config file, templates/pattern.md (the default template), a first pattern and a .gitignore for the built site and caches; never overwrites. With --adopt: a config for a folder that already holds patterns',
    )
    .argument('[dir]', 'folder to initialise', '.')
    .option(
      '--adopt',
      'the folder already holds patterns: find them and their template (or derive one), write patternbook.config.yaml, print the first lint summary; never touches a pattern',
    )
    .option('-t, --template <file>', 'with --adopt: the template the patterns are written from (instead of looking for one)')
    .action(async (dir: string, opts: { adopt?: boolean; template?: string }) => {
      const root = path.resolve(ctx.cwd, dir);
      const shown = (file: string) => path.relative(ctx.cwd, file) || file;
      if (opts.adopt) {
        const { adoptCatalog, lintSummary } = await import('../../scaffold/adopt.js');
        const result = await adoptCatalog({ root, ...(opts.template ? { template: path.resolve(ctx.cwd, opts.template) } : {}) });
        printAdoption(ctx, result, shown);
        const summary = await lintSummary(root);
        printLintSummary(ctx, summary, result, shown);
        return;
      }
      if (opts.template)
        throw new PatternbookError('--template names the template of an existing catalog: use it with --adopt (`patternbook init --adopt --template FILE`).');
      const { initCatalog } = await import('../../scaffold/create.js');
      const created = await initCatalog(root);
      for (const file of [...created.files, ...created.folders]) ctx.out(`${ctx.color.green('created')} ${shown(file)}`);
      const { gitignore } = created;
      if (gitignore.created) ctx.out(`${ctx.color.green('created')} ${shown(gitignore.file)}`);
      else if (gitignore.added.length) ctx.out(`${ctx.color.green('updated')} ${shown(gitignore.file)} (added ${gitignore.added.join(', ')})`);
      for (const warning of gitignore.warnings) ctx.err(`${ctx.errColor.yellow('warning')} ${warning}`);
      ctx.out();
      ctx.out(`Next: edit ${shown(created.firstPattern)}, or add a pattern with \`patternbook new <slug>\`.`);
    });
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function printAdoption(ctx: CommandContext, r: AdoptResult, shown: (file: string) => string): void {
  const { bold, dim, green } = ctx.color;
  if (r.templateSource === 'derived') ctx.out(`${green('created')} ${shown(r.templateFile)}`);
  ctx.out(`${green('created')} ${shown(r.configFile)}`);
  ctx.out();
  ctx.out(bold('What init --adopt chose'));
  if (r.templateSource === 'derived') {
    const d = r.derived!;
    ctx.out(
      `  template   ${shown(r.templateFile)}, derived from the patterns (${r.rejected ? `no template file fits them: ${r.rejected.file} fits only ${n(r.rejected.fitting)} of ${n(r.rejected.of)}; to judge them by it all the same, remove ${shown(r.configFile)} and run \`patternbook init --adopt ${shellWord(path.relative(ctx.cwd, path.dirname(r.configFile)) || '.')} --template ${shellWord(shown(path.resolve(path.dirname(r.configFile), r.rejected.file)))}\`` : 'the catalog has no template file'}):`,
    );
    const visit = (sections: NonNullable<AdoptResult['derived']>['sections'], depth: number): void => {
      for (const s of sections) {
        ctx.out(`             ${'  '.repeat(depth)}${'#'.repeat(s.level)} ${s.heading}${dim(` — ${n(s.count)} of ${n(s.of)}${s.optional ? ', optional' : ''}`)}`);
        visit(s.children, depth + 1);
      }
    };
    visit(d.sections, 0);
    if (d.sections.length === 0) ctx.out(`             sections: none (the patterns share no section, so each writes its own and none is asked for)`);
    ctx.out(
      `             title: ${d.title.from === 'none' ? 'none (most patterns have none)' : `${d.title.from === 'heading' ? (d.title.level === 2 ? 'the first heading, an H2 over `###` sections' : 'the H1') : d.title.from === 'front-matter' ? 'front matter `title`' : 'the line under `## Title`'} (${n(d.title.count)} of ${n(d.of)}${r.comparison.title?.setting.recommended ? '; recommended: a missing one is a warning' : ''})`}`,
    );
    ctx.out(
      `             summary: ${d.summary.from === 'none' ? 'the first paragraph (no place most patterns share)' : `${d.summary.from === 'blockquote' ? 'a blockquote after the title' : d.summary.from === 'front-matter' ? `front matter \`${d.summary.key}\`` : `the section \`${d.summary.name}\``} (${n(d.summary.count)} of ${n(d.of)})`}`,
    );
  } else {
    const its = r.templateFieldsOnly ? 'header fields' : 'sections';
    ctx.out(
      `  template   ${shown(r.templateFile)} ${dim(r.templateSource === 'given' ? '(given)' : r.templateEmbedded ? `(the template a page about it keeps, in a \`\`\`markdown block, or in a block or after a heading that says \`Template\`; the patterns have its ${its})` : r.templateCalledBy ? `(${r.templateCalledBy} calls it the template; the patterns have its ${its})` : path.relative(r.root, r.templateFile).startsWith('..') ? `(named like a template, above this folder; the patterns have its ${its})` : `(named like a template, the patterns have its ${its})`)}`,
    );
    for (const s of r.siblings)
      ctx.out(`  template   ${s.file} ${dim(`(a sibling: ${plural(s.patterns, 'pattern')} follow it better; each pattern is judged by the template it follows best)`)}`);
  }
  for (const f of r.folders)
    ctx.out(
      `  template   ${f.template} for ${f.files.join(', ')} ${dim(`(${n(f.fitting)} of the ${plural(f.patterns, 'document')} there have its sections: judged by it${f.fitting < f.patterns ? ", or by the catalog's template where a document clearly follows that one" : ''}${f.joined ? '; they join the patterns' : ''})`)}`,
    );
  // (What a file of the template's has: its sections, or, in a template of fields alone, those fields.)
  const its = r.templateFieldsOnly ? 'header fields' : 'sections';
  ctx.out(`  patterns   ${r.patterns.join(', ')}: ${plural(r.patternCount, 'file')} of the ${plural(r.markdownCount, 'Markdown file')} here`);
  for (const f of r.otherFormats ?? []) ctx.out(`  not read   ${plural(f.files, `${f.format} file`)} ${dim(`(${f.example}…: Patternbook reads Markdown only)`)}`);
  for (const f of r.leftOut)
    ctx.out(`  left out   ${f.folder}/ ${dim(`(${plural(f.files, 'file')}, ${n(f.fitting)} with the template's ${its}: too few to be its patterns)`)}`);
  for (const f of r.notTaken)
    ctx.out(
      f.readmeless
        ? `  not taken  ${f.example} ${dim("(in a folder of the patterns' own, without its README: add its path to `patterns` if it is one)")}`
        : f.copies
          ? `  not taken  ${plural(f.files, 'file')} ${dim(`(${f.example}…: each the same text as the pattern taken beside it, a copy)`)}`
          : f.fitting
            ? `  not taken  ${f.fitting.slice(0, 3).join(', ')}${f.fitting.length > 3 ? ` and ${f.fitting.length - 3} more` : ''} ${dim(`(${f.fitting.length === 1 ? 'it has' : 'they have'} the template's ${its}, where no glob reaches: add ${f.fitting.length === 1 ? 'its path' : 'their paths'} to \`patterns\` if ${f.fitting.length === 1 ? 'it is a pattern' : 'they are patterns'})`)}${
                f.beside
                  ? `\n  not taken  ${f.beside.slice(0, 3).join(', ')}${f.beside.length > 3 ? ` and ${f.beside.length - 3} more` : ''} ${dim(`(beside ${f.fitting.length === 1 ? 'it' : 'them'}, written otherwise: add ${f.beside.length === 1 ? 'its path' : 'their paths'} too if ${f.beside.length === 1 ? 'it is a pattern' : 'they are patterns'})`)}`
                  : ''
              }`
            : `  not taken  ${plural(f.files, 'file')} in ${f.folder === '.' ? 'this folder' : `${f.folder}/`} ${dim(`(${f.example}…: not written from the template; add a glob, and a template under \`overrides\`, if they are patterns)`)}`,
    );
  for (const e of r.exclude)
    ctx.out(
      `  exclude    ${e.glob} ${dim(`(${e.reason === 'name' ? "a repository's own page or a generation source" : e.reason === 'template' ? 'named like a template' : e.reason === 'no-section' ? `none of the template's ${its}` : e.reason === 'fragment' ? 'a part other pages include' : e.reason === 'duplicate' ? (e.twin?.said ?? 'named as a pattern taken already') : e.reason === 'listing' ? "a site's page that lists its folder" : e.reason === 'blank' ? 'an empty file' : e.reason === 'side' ? 'a part or translation of the pattern named for its folder' : e.reason === 'translation' ? 'a translation of the English pattern beside it' : 'files that mostly do not fit the template'}: ${plural(e.files.length, 'file')})`)}`,
    );
  if (r.metadata)
    ctx.out(
      `  metadata   ${r.metadata.file} beside ${n(r.metadata.folders)} of ${plural(r.metadata.of, 'pattern folder')} ${dim("(read as each pattern's front matter)")}`,
    );
  if (r.waivers)
    ctx.out(
      `  waivers    front matter \`${r.waivers.key}\` in ${plural(r.waivers.files, 'pattern')} ${dim('(the sections and headings each lists, `missing:copyright`, are not asked of it)')}`,
    );
  if (r.movedCount > 0)
    ctx.out(
      `  moved      ${plural(r.movedCount, 'file')} ${r.movedCount === 1 ? 'only says' : 'only say'} the pattern moved ${dim('(redirect stubs: only their links are checked, and the site sends readers on)')}`,
    );
  for (const s of r.comparison.sections) for (const reason of s.reasons) ctx.out(`  sections   ${reason}`);
  if (r.orderWarning) ctx.out(`  rules      section-order: warn — ${r.orderWarning}`);
  if (r.comparison.title) ctx.out(`  title      ${r.comparison.title.reason}`);
  if (r.comparison.summary) ctx.out(`  summary    ${r.comparison.summary.reason}`);
  if (r.site)
    ctx.out(
      `  site       ${r.site.url} ${dim(`(${plural(r.site.links, 'link')} of the patterns lead to ${plural(r.site.patterns, "pattern's page", "patterns' pages")} there: they count as links to those patterns)`)}`,
    );
  const facts = r.siteFacts;
  if (facts.title) ctx.out(`  site       title ${JSON.stringify(facts.title.value)} ${dim(`(from ${facts.title.from})`)}`);
  if (facts.repoUrl)
    ctx.out(
      `  site       repository ${facts.repoUrl.value}${facts.branch ? `, branch ${facts.branch.value}` : ''} ${dim(`(from ${facts.repoUrl.from}: "Edit this page" links)`)}`,
    );
  for (const b of r.boilerplate.slice(0, 10)) ctx.out(`  boilerplate ${b}`);
  if (r.boilerplate.length > 10) ctx.out(dim(`  … and ${n(r.boilerplate.length - 10)} more lines of the template most patterns keep`));
  // (Not those the settings just made optional or recommended: said above, with why.)
  const settled = new Set(r.comparison.sections.filter((c) => c.optional || c.recommended).map((c) => c.name));
  const absent = r.comparison.absent.filter((a) => !settled.has(a.name));
  for (const a of absent.slice(0, 8)) {
    const name = a.name.length > 60 ? `${a.name.slice(0, 59)}…` : a.name;
    ctx.out(`  absent     \`${'#'.repeat(a.level)} ${name}\` is missing in ${n(a.missing)} of ${n(a.of)} patterns ${dim('(required by the template)')}`);
  }
  if (absent.length > 8) ctx.out(dim(`  … and ${n(absent.length - 8)} more required sections many patterns lack`));
}

function printLintSummary(ctx: CommandContext, s: LintSummary, r: AdoptResult, shown: (file: string) => string): void {
  const { bold, dim, red, yellow, green } = ctx.color;
  ctx.out();
  ctx.out(bold('First lint'));
  if (s.errors + s.warnings === 0) ctx.out(`  ${green('No problems')} in ${plural(s.files, 'file')}.`);
  else {
    const width = Math.max(...s.byRule.map((x) => x.rule.length));
    for (const x of s.byRule) {
      const parts = [x.errors ? red(plural(x.errors, 'error')) : '', x.warnings ? yellow(plural(x.warnings, 'warning')) : ''].filter(Boolean);
      ctx.out(`  ${x.rule.padEnd(width)}  ${parts.join(', ')}`);
    }
    ctx.out(
      `  ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')}${s.failed ? `; ${plural(s.failed, 'file')} could not be loaded` : ''}.`,
    );
  }
  ctx.out();
  const dir = r.root === path.resolve(ctx.cwd) ? '' : ` ${shown(r.root)}`;
  ctx.out(
    `Next: read ${shown(r.configFile)}${r.templateSource === 'derived' ? ` and ${shown(r.templateFile)}` : ''}, then \`patternbook lint${dir}\` for every finding.`,
  );
  if (s.errors > 0)
    ctx.out(dim(`To fix these over time while CI fails only on new ones: \`patternbook lint${dir} --baseline write\` and commit patternbook-baseline.json.`));
}
