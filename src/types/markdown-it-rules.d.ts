// markdown-it ships its core rules as modules but @types/markdown-it does not describe them.
declare module 'markdown-it/lib/rules_core/linkify.mjs' {
  import type { StateCore } from 'markdown-it';
  export default function linkify(state: StateCore): void;
}

// markdown-it-footnote ships no types; it is a plugin like any other.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnotes: PluginSimple;
  export default footnotes;
}
