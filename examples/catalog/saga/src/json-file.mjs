// Minimal durable storage: whole-file JSON documents replaced atomically.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readJson(file, fallback) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : structuredClone(fallback);
}

export function writeJson(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n');
  renameSync(tmp, file);
}

/** Read-modify-write of one document; the change is saved only if `fn` returns normally. */
export function updateJson(file, fallback, fn) {
  const doc = readJson(file, fallback);
  const result = fn(doc);
  writeJson(file, doc);
  return result;
}
