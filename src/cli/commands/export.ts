import path from 'node:path';
import { Option, type Command } from 'commander';
import { writeFileAtomic } from '../../util/text-file.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

interface ExportFlags {
  format: 'json' | 'csv' | 'backstage' | 'llms';
  out?: string;
  owner: string;
  template?: string;
}

export function registerExport(program: Command, ctx: CommandContext): Command {
  return program
    .command('export')
    .description('write the catalog as data: JSON (with a JSON Schema), CSV, Backstage entities, or llms.txt for AI assistants')
    .argument('[dir]', 'catalog root')
    .addOption(new Option('-f, --format <format>', 'what to write').choices(['json', 'csv', 'backstage', 'llms']).default('json'))
    .option('-o, --out <file>', 'write to this file instead of standard output (llms: the index; the full text goes beside it as <name>-full.txt)')
    .option('--owner <entity>', 'backstage: the owner of patterns whose front matter names none (`owner:`)', 'unknown')
    .option('-t, --template <file>', 'read the catalog against this template instead of the configured one')
    .action(async (dir: string | undefined, flags: ExportFlags) => {
      // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
      const { catalogBackstage } = await import('../../export/backstage.js');
      const { catalogCsv } = await import('../../export/csv.js');
      const { catalogLlms } = await import('../../export/llms.js');
      const { loadCatalogData } = await import('../../export/load.js');
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const { catalog, data, problems } = await loadCatalogData({ root, ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}) });
      for (const d of problems) ctx.err(formatDiagnostic(d, ctx.errColor));
      const site = catalog.config.site;
      const out = flags.out ? path.resolve(ctx.cwd, flags.out) : undefined;
      const emit = async (text: string, file = out) => (file ? writeFileAtomic(file, text) : void ctx.stdout.write(text));
      switch (flags.format) {
        case 'json':
          await emit(`${JSON.stringify(data, null, 2)}\n`);
          break;
        case 'csv':
          await emit(catalogCsv(data, site.url));
          break;
        case 'backstage':
          await emit(
            catalogBackstage(data, {
              owner: flags.owner,
              ...(site.url ? { siteUrl: site.url } : {}),
              ...(site.repoUrl ? { repoUrl: site.repoUrl, root: catalog.root } : {}),
              ...(site.branch ? { branch: site.branch } : {}),
            }),
          );
          break;
        case 'llms': {
          const { index, full } = catalogLlms(data, catalog, site.url);
          await emit(index);
          if (out) {
            const fullFile = path.join(path.dirname(out), `${path.basename(out, path.extname(out))}-full${path.extname(out) || '.txt'}`);
            await writeFileAtomic(fullFile, full);
            ctx.err(`Wrote ${path.relative(ctx.cwd, out)} and ${path.relative(ctx.cwd, fullFile)}.`);
          } else ctx.err('The full text (every pattern’s Markdown) is written with --out, beside the index.');
          break;
        }
      }
      if (out && flags.format !== 'llms') ctx.err(`Wrote ${path.relative(ctx.cwd, out)}: ${data.patterns.length} pattern${data.patterns.length === 1 ? '' : 's'}.`);
      ctx.exitCode = catalog.diagnostics.some((d) => d.fatal) ? 1 : 0;
    });
}
