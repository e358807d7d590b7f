// markdown-it ships its core rules as modules but @types/markdown-it does not describe them.
declare module 'markdown-it/lib/rules_core/linkify.mjs' {
  import type { StateCore } from 'markdown-it';
  export default function linkify(state: StateCore): void;
}
