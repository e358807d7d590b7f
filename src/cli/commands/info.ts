import type { Command } from 'commander';
import { Option } from 'commander';
import path from 'node:path';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

export function registerInfo(program: Command, ctx: CommandContext): Command {
  return program
    .command('info')
    .description('load a catalog and print a summary: template, patterns, and files that failed to load')
    .argument('[dir]', 'catalog root')
    .option('-t, --template <file>', 'use this template instead of the configured one')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (dir: string | undefined, opts: { template?: string; format: 'text' | 'json' }) => {
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const { loadCatalog } = await import('../../catalog/load-catalog.js');
      const { summarizeCatalog } = await import('../../catalog/summary.js');
      const { catalogBoilerplate, describeBoilerplate } = await import('../../template/leftovers.js');
      const catalog = await loadCatalog({ root, ...(opts.template ? { templateFile: path.resolve(ctx.cwd, opts.template) } : {}) });
      const summary = summarizeCatalog(catalog);
      // Template text most patterns keep: the placeholder rule reads it as boilerplate, said here.
      const boilerplate = catalogBoilerplate(
        catalog.template,
        catalog.patterns.map((p) => p.document),
      );
      const errors = catalog.diagnostics.filter((d) => d.severity === 'error').length;
      ctx.exitCode = errors > 0 ? 1 : 0;

      if (opts.format === 'json') {
        ctx.out(
          JSON.stringify(
            { ...summary, boilerplate: boilerplate.map((b) => ({ text: b.placeholder.text, kept: b.kept, of: b.of })), diagnostics: catalog.diagnostics },
            null,
            2,
          ),
        );
        return;
      }
      const { bold, dim, green, red } = ctx.color;
      const rel = (p: string) => path.relative(ctx.cwd, p) || '.';
      ctx.out(`${bold('Catalog')}   ${rel(catalog.root)}${catalog.config.file ? dim(` (config: ${rel(catalog.config.file)})`) : dim(' (no config file, defaults)')}`);
      const t = summary.template;
      ctx.out(
        `${bold('Template')}  ${t.name}@${t.version} ${dim(`(${t.builtIn ? 'built-in' : rel(t.file)})`)}: ` +
          `${t.sections} sections, ${t.repeatable} repeatable, ${t.optional} optional, ${t.placeholders} placeholders`,
      );
      for (const b of boilerplate) ctx.out(`${bold('Boilerplate')} ${describeBoilerplate(b)}`);
      ctx.out(`${bold('Patterns')}  ${summary.patterns.length} loaded${summary.failed ? red(`, ${summary.failed} failed`) : ''}`);
      const width = Math.max(0, ...summary.patterns.map((p) => p.slug.length));
      for (const p of summary.patterns) {
        const title = p.title ?? red('(no title)');
        ctx.out(`  ${p.slug.padEnd(width)}  ${title}${dim(` — ${p.sections} sections, ${p.links} links, ${p.codeBlocks} code blocks`)}`);
        if (p.summary) ctx.out(`  ${' '.repeat(width)}  ${dim(p.summary)}`);
      }
      if (catalog.diagnostics.length > 0) {
        ctx.out();
        for (const d of catalog.diagnostics) ctx.out(formatDiagnostic(d, ctx.color));
      }
      ctx.out();
      ctx.out(errors > 0 ? red(`${errors} file${errors === 1 ? '' : 's'} could not be loaded.`) : green('Every pattern file loaded.'));
    });
}
