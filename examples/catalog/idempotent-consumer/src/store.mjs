// A tiny transactional "database" kept in one JSON file. The business data
// (balances) and the processed-message keys live in the same document, and a
// transaction commits both with one atomic rename, the way a real consumer
// writes its PROCESSED_MESSAGES row in the same database transaction as its
// business update.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const EMPTY = { balances: {}, processed: {} };

export class FileStore {
  constructor(path) {
    this.path = path;
  }

  read() {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (err) {
      if (err.code === 'ENOENT') return structuredClone(EMPTY);
      throw err;
    }
  }

  // Runs fn on a copy of the data; commits only if fn returns normally.
  transaction(fn) {
    const draft = this.read();
    const result = fn(draft);
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(draft, null, 2) + '\n');
    renameSync(tmp, this.path); // atomic on POSIX: all or nothing
    return result;
  }
}
