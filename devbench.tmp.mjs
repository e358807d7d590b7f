import { readFileSync, writeFileSync } from 'node:fs';
const { startDev } = await import('/work/main/dist/site/dev.js');
const [root, slug] = process.argv.slice(2);
const times = [];
const dev = await startDev({ root, settleMs: 600000, onBuild: (r) => { if (r.ok) times.push([r.quick, r.summary.seconds]); else console.log('fail', r.error); } });
console.log('initial', times.at(-1));
const file = `${root}/${slug}/README.md`;
const original = readFileSync(file, 'utf8');
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const next = dev.nextBuild();
  writeFileSync(file, original.replace('## Overview\n', `## Overview\n\nEdit ${i}.\n`));
  await next;
  console.log('edit', i, 'quick', times.at(-1), 'end-to-end ms', (performance.now() - t).toFixed(0));
}
writeFileSync(file, original);
await dev.close();
