import type { Command } from 'commander';
import path from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { resolveCatalogRoot } from '../catalog-root.js';
import type { CommandContext } from '../context.js';
import { ask } from '../prompt.js';

interface NewOptions {
  title?: string;
  summary?: string;
  dir?: string;
}

export function registerNew(program: Command, ctx: CommandContext): Command {
  return program
    .command('new')
    .description("create <slug>/README.md from the catalog's template, with title and summary filled in, plus <slug>/diagrams/")
    .argument('<slug>', 'lowercase letters, digits and single hyphens, e.g. circuit-breaker')
    .option('--title <title>', 'pattern title (default: from the slug; asked on a terminal)')
    .option('--summary <sentence>', 'one-sentence summary (asked on a terminal)')
    .option('-d, --dir <catalog>', 'catalog root')
    .action(async (slug: string, opts: NewOptions) => {
      const { assertValidSlug, createPattern } = await import('../../scaffold/create.js');
      const { titleFromSlug } = await import('../../scaffold/render-pattern.js');
      const { discoverPatterns } = await import('../../catalog/discover.js');
      const { loadCatalogTemplate } = await import('../../catalog/load-catalog.js');
      assertValidSlug(slug);
      const config = await loadConfig(resolveCatalogRoot(ctx.cwd, opts.dir));
      const template = await loadCatalogTemplate(config);
      const { files } = await discoverPatterns({
        root: config.root,
        patterns: config.patterns,
        exclude: config.exclude,
        skipDirs: [path.resolve(config.root, config.outDir)],
        skipFiles: [template.file],
      });

      let { title, summary } = opts;
      if ((!title || !summary) && ctx.stdin?.isTTY && ctx.stdout.isTTY) {
        const suggested = titleFromSlug(slug);
        const questions = [...(title ? [] : [`Title (${suggested}): `]), ...(summary ? [] : ['One-sentence summary: '])];
        const answers = await ask(ctx.stdin, ctx.stdout, questions);
        if (!title) title = answers.shift() || suggested;
        if (!summary) summary = answers.shift() || undefined;
      }

      const created = await createPattern(
        config,
        template,
        slug,
        { ...(title ? { title } : {}), ...(summary ? { summary } : {}) },
        files.map((f) => f.slug),
      );
      for (const file of [...created.files, ...created.folders]) ctx.out(`${ctx.color.green('created')} ${path.relative(ctx.cwd, file) || file}`);
    });
}
