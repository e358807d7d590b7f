import { displayTitle } from '../../catalog/view.js';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { PatternbookError } from '../../diagnostics.js';
import { writeFileAtomic } from '../../util/text-file.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { formatDiagnostic } from '../format-diagnostics.js';

interface GraphFlags {
  format: 'mermaid' | 'dot' | 'json';
  focus?: string;
  depth: string;
  out?: string;
  template?: string;
}

export function registerGraph(program: Command, ctx: CommandContext): Command {
  return program
    .command('graph')
    .description('print the relation graph (Related Patterns and Alternatives) as Mermaid, Graphviz DOT or JSON')
    .argument('[dir]', 'catalog root')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'dot', 'json']).default('mermaid'))
    .option('--focus <slug>', 'only this pattern and its neighbourhood')
    .option('--depth <n>', 'with --focus: how many relations away (either direction)', '1')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('-t, --template <file>', 'read the catalog against this template instead of the configured one')
    .action(async (dir: string | undefined, flags: GraphFlags) => {
      // Loaded on use: these commands' libraries cost `lint` and `--version` nothing.
      const { loadCatalog } = await import('../../catalog/load-catalog.js');
      const { catalogRelations } = await import('../../export/catalog-export.js');
      const { focusGraph, graphDot, graphMermaid } = await import('../../export/graph.js');
      const { relationGraph, NO_RELATIONS } = await import('../../catalog/relations.js');
      const depth = Number(flags.depth);
      if (!Number.isInteger(depth) || depth < 0) throw new PatternbookError(`--depth ${flags.depth}: expected a whole number ≥ 0.`);
      const root = resolveCatalogRoot(ctx.cwd, dir);
      const catalog = await loadCatalog({ root, ...(flags.template ? { templateFile: path.resolve(ctx.cwd, flags.template) } : {}) });
      for (const d of catalog.diagnostics) ctx.err(formatDiagnostic(d, ctx.errColor));
      const relations = catalogRelations(catalog);
      let graph = relationGraph(
        catalog.patterns.filter((p) => p.movedTo === undefined).map((p) => ({ slug: p.slug, title: displayTitle(p), relations: relations.get(p.slug) ?? NO_RELATIONS })),
      );
      if (flags.focus) graph = focusGraph(graph, flags.focus, depth);
      const text = flags.format === 'json' ? `${JSON.stringify(graph, null, 2)}\n` : flags.format === 'dot' ? graphDot(graph) : graphMermaid(graph);
      if (flags.out) await writeFileAtomic(path.resolve(ctx.cwd, flags.out), text);
      else ctx.stdout.write(text);
      ctx.exitCode = catalog.diagnostics.some((d) => d.fatal) ? 1 : 0;
    });
}
