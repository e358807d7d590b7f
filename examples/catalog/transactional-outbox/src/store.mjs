// A tiny "database" (one JSON file holding the orders and outbox tables) and a
// tiny "broker" (an append-only JSON Lines file). They stand in for PostgreSQL
// and Kafka/RabbitMQ so the pattern can be shown with Node.js built-ins only.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EMPTY_DB = { orders: [], outbox: [], nextOrderNo: 1, nextOutboxSeq: 1 };

export class JsonDatabase {
  constructor(stateDir) {
    mkdirSync(stateDir, { recursive: true });
    this.file = join(stateDir, 'db.json');
  }

  /** Returns a snapshot of the committed state. */
  read() {
    if (!existsSync(this.file)) return structuredClone(EMPTY_DB);
    return JSON.parse(readFileSync(this.file, 'utf8'));
  }

  /**
   * Runs `work` against a private copy of the tables. Only if it returns
   * normally is the copy written back, with a write-to-temp + rename, which is
   * atomic on POSIX file systems. If `work` throws, nothing is written: the
   * business row and the outbox row are committed together or not at all.
   */
  transaction(work) {
    const draft = this.read();
    const result = work(draft);
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(draft, null, 2) + '\n');
    renameSync(tmp, this.file);
    return result;
  }
}

export class FileBroker {
  constructor(stateDir, { failOn } = {}) {
    mkdirSync(stateDir, { recursive: true });
    this.file = join(stateDir, 'broker.jsonl');
    this.failOn = failOn; // optional predicate used by tests to simulate an outage
  }

  async publish(message) {
    if (this.failOn?.(message)) throw new Error(`broker unavailable (topic ${message.topic})`);
    appendFileSync(this.file, JSON.stringify(message) + '\n');
  }

  readAll() {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }
}
