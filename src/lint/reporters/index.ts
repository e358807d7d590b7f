import type { Reporter } from '../result.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** The `--format` choices; `stylish` is the default. */
export const reporters: Record<'stylish' | 'json' | 'sarif' | 'github' | 'junit', Reporter> = { stylish, json, sarif, github, junit };

export type ReporterName = keyof typeof reporters;
