#!/usr/bin/env node
// Writes schema/catalog.schema.json from the export's zod schema (src/export/schema.ts).
// `npm run schema` after changing the export; a test fails while the file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogJsonSchema } from '../dist/export/schema.js';

const file = fileURLToPath(new URL('../schema/catalog.schema.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
