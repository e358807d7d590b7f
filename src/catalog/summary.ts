import type { Section } from '../markdown/types.js';
import { flattenSections } from '../template/walk.js';
import type { Catalog } from './types.js';

export interface CatalogSummary {
  root: string;
  config?: string;
  template: { file: string; builtIn: boolean; name: string; version: string; sections: number; repeatable: number; optional: number; placeholders: number };
  patterns: { slug: string; path: string; title?: string; summary?: string; sections: number; links: number; images: number; codeBlocks: number }[];
  failed: number;
}

/** Counts for `patternbook info` and the start page of later reports. */
export function summarizeCatalog(catalog: Catalog): CatalogSummary {
  const templateSections = flattenSections(catalog.template.sections);
  return {
    root: catalog.root,
    ...(catalog.config.file ? { config: catalog.config.file } : {}),
    template: {
      file: catalog.template.file,
      builtIn: catalog.template.builtIn,
      name: catalog.template.name,
      version: catalog.template.version,
      sections: templateSections.length,
      repeatable: templateSections.filter((s) => s.repeatable).length,
      optional: templateSections.filter((s) => s.optional).length,
      placeholders: catalog.template.placeholders.length,
    },
    patterns: catalog.patterns.map((p) => ({
      slug: p.slug,
      path: p.path,
      ...(p.title ? { title: p.title.text } : {}),
      ...(p.summary ? { summary: p.summary.text } : {}),
      sections: countSections(p.document.sections),
      links: p.document.links.length,
      images: p.document.images.length,
      codeBlocks: p.document.codeBlocks.length,
    })),
    failed: new Set(catalog.diagnostics.filter((d) => d.fatal).map((d) => d.path)).size,
  };
}

function countSections(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}
