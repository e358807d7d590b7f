// A downstream consumer that tolerates duplicates: it remembers the eventIds it
// has applied (in the same file as its read model) and skips repeats.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function consumeAll({ broker, stateDir }) {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, 'consumer.json');
  const state = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { processedEventIds: [], revenueByCustomer: {} };
  const seen = new Set(state.processedEventIds);

  let applied = 0;
  let duplicates = 0;
  for (const message of broker.readAll()) {
    if (seen.has(message.eventId)) {
      duplicates += 1;
      continue;
    }
    if (message.type === 'OrderPlaced') {
      const { customer, amount } = message.payload;
      state.revenueByCustomer[customer] = (state.revenueByCustomer[customer] ?? 0) + amount;
    }
    seen.add(message.eventId);
    state.processedEventIds.push(message.eventId);
    applied += 1;
  }

  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  renameSync(tmp, file);
  return { applied, duplicates, revenueByCustomer: state.revenueByCustomer };
}
