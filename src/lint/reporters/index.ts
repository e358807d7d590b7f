import type { Reporter } from '../result.js';
import type { ReporterName } from './names.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** The `--format` choices; `stylish` is the default. */
export const reporters: Record<ReporterName, Reporter> = { stylish, json, sarif, github, junit };
