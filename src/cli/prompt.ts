import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * Asks questions one after the other on a terminal. Lines are read through an
 * async iterator, so answers typed (or pasted) ahead are kept, and the end of
 * input (Ctrl-D) answers every remaining question with an empty string.
 */
export async function ask(input: Readable, output: Writable, questions: string[]): Promise<string[]> {
  const rl = createInterface({ input, output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const answers: string[] = [];
  try {
    for (const question of questions) {
      output.write(question);
      const next = await lines.next();
      answers.push(next.done ? '' : String(next.value).trim());
    }
  } finally {
    rl.close();
  }
  return answers;
}
