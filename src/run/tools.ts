import { spawnSync } from 'node:child_process';

/** Words that start a command but are the shell's own: never looked up on PATH. */
const SHELL_WORDS = new Set(
  // keywords
  (
    'if then else elif fi case esac for select while until do done in function time coproc ! [[ ]] { } ' +
    // builtins (bash)
    ': . [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable ' +
    'eval exec exit export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd ' +
    'read readarray readonly return set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait'
  ).split(' '),
);

/**
 * The programs a shell script calls, in order of first use: the first word
 * of each simple command, after variable assignments and keywords, skipping
 * the shell's own words, functions the script defines, paths (`./run.sh`)
 * and anything computed (`$TOOL`). Heredoc bodies and comments are not read.
 * A heuristic, not a shell parser: it aims to name every tool a reader would
 * need installed, and to never name one that is not a command.
 */
export function commandsOf(script: string): string[] {
  const found: string[] = [];
  const functions = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;{(])(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\s*\)/gm)) functions.add(m[1]!);
  for (const m of script.matchAll(/(?:^|[\s;])function\s+([A-Za-z_][\w-]*)/gm)) functions.add(m[1]!);
  for (const words of simpleCommands(script)) {
    const word = commandWord(words);
    if (!word || SHELL_WORDS.has(word) || functions.has(word) || found.includes(word)) continue;
    if (!/^[A-Za-z0-9_][\w.+-]*$/.test(word)) continue;
    found.push(word);
  }
  return found;
}

/** Options of `sudo` and `env` whose value is the next word. */
const SUDO_VALUED = new Set([
  '-u',
  '-g',
  '-C',
  '-D',
  '-h',
  '-p',
  '-r',
  '-t',
  '-U',
  '-T',
  '--user',
  '--group',
  '--chdir',
  '--host',
  '--prompt',
  '--role',
  '--type',
  '--other-user',
  '--command-timeout',
]);
const ENV_VALUED = new Set(['-u', '-C', '-S', '--unset', '--chdir', '--split-string']);

/** The command of a simple command's words: past `VAR=value` assignments and leading keywords. */
function commandWord(words: string[]): string | undefined {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) return undefined;
    if (/^[A-Za-z_]\w*(\[[^\]]*\])?\+?=/.test(w)) i++;
    else if (['then', 'else', 'elif', 'do', '!', 'time', '{', 'if', 'while', 'until', 'exec', 'command', 'builtin', 'nohup', 'env', 'sudo'].includes(w)) {
      // `for x in …`, `case … in`, `select …`: the rest of the line is not a command.
      i++;
      // `env -u HOME node`, `sudo -u postgres psql`: skip their options, and the values some take.
      const valued = w === 'env' ? ENV_VALUED : w === 'sudo' ? SUDO_VALUED : undefined;
      if (valued) {
        while (words[i]?.startsWith('-')) {
          const option = words[i++]!;
          if (valued.has(option)) i++;
        }
      }
      if (w === 'command' && words[i] === '-v') return undefined;
    } else if (['for', 'case', 'select', 'function'].includes(w)) return undefined;
    else return w;
  }
}

/**
 * Splits a script into simple commands (arrays of words), respecting quotes
 * and escapes, splitting on `; & | && || ( ) $( ) \` newlines`, dropping
 * comments and heredoc bodies.
 */
export function simpleCommands(script: string): string[][] {
  return new CommandSplitter(script).split();
}

/**
 * The state of splitting one script: the position, the word and the command
 * being read, the heredocs whose bodies start on the next line, and the
 * `case … in … esac` clauses (whose patterns are no commands). Each reader
 * below knows one construct: it moves past it and says so, or leaves the
 * position alone for the next reader.
 */
class CommandSplitter {
  private readonly commands: string[][] = [];
  private words: string[] = [];
  private word = '';
  private inWord = false;
  private i = 0;
  private readonly heredocs: string[] = [];
  /** In a `case … in … esac`, each clause starts with patterns up to a `)`: those are no commands. */
  private caseDepth = 0;
  private inPattern = false;

  constructor(private readonly s: string) {}

  split(): string[][] {
    while (this.i < this.s.length) this.step();
    this.endCommand();
    return this.commands;
  }

  /** One construct at the position, read by the first reader that knows it; else one character of the word. */
  private step(): void {
    const c = this.s[this.i]!;
    const read =
      this.escape(c) ||
      this.quoted(c) ||
      this.comment(c) ||
      this.lineEnd(c) ||
      this.heredocStart(c) ||
      this.substitution(c) ||
      this.expansion(c) ||
      this.arrayValues(c) ||
      this.arithmetic(c) ||
      this.casePatterns(c) ||
      this.caseClauseEnd(c) ||
      this.operator(c) ||
      this.redirection(c) ||
      this.blank(c);
    if (!read) this.append(c, 1);
  }

  private append(text: string, advance: number): void {
    this.word += text;
    this.inWord = true;
    this.i += advance;
  }

  private endWord(): void {
    if (this.inWord) this.words.push(this.word);
    this.word = '';
    this.inWord = false;
  }

  private endCommand(): void {
    this.endWord();
    const words = this.words;
    if (words.length) {
      if (words[0] === 'case' && words[words.length - 1] === 'in') {
        this.caseDepth++;
        this.inPattern = true;
      } else if (words[0] === 'esac' && this.caseDepth > 0) {
        this.caseDepth--;
        this.inPattern = false;
      } else if (!this.inPattern) this.commands.push(words);
    }
    this.words = [];
  }

  /** The index just past the parenthesis closing the one at `open`, quotes respected. */
  private closing(open: number): number {
    const s = this.s;
    let depth = 0;
    for (let j = open; j < s.length; j++) {
      const ch = s[j];
      if (ch === '\\') j++;
      else if (ch === "'" || ch === '"') {
        const end = s.indexOf(ch, j + 1);
        j = end < 0 ? s.length : end;
      } else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return j + 1;
    }
    return s.length;
  }

  /** `\x` is the character itself; a backslash before a line break joins the lines. */
  private escape(c: string): boolean {
    if (c !== '\\') return false;
    if (this.s[this.i + 1] === '\n') this.i += 2;
    else this.append(this.s[this.i + 1] ?? '', 2);
    return true;
  }

  /** `'…'` and `"…"`: part of the word, their content as text. */
  private quoted(c: string): boolean {
    const s = this.s;
    if (c === "'") {
      const end = s.indexOf("'", this.i + 1);
      const stop = end < 0 ? s.length : end;
      this.append(s.slice(this.i + 1, stop), stop + 1 - this.i);
      if (end < 0) this.i = s.length;
      return true;
    }
    if (c === '"') {
      // Inside double quotes `$(…)` still runs a command, but a tool used only there is rare: taken as text.
      let j = this.i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      this.append(s.slice(this.i + 1, j), j + 1 - this.i);
      return true;
    }
    return false;
  }

  /** `# …` outside a word: a comment, up to the line end. */
  private comment(c: string): boolean {
    if (c !== '#' || this.inWord) return false;
    while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    return true;
  }

  /** A line end ends the command; the bodies of heredocs started on the line follow it. */
  private lineEnd(c: string): boolean {
    if (c !== '\n') return false;
    // A case pattern ends at its `)`, never at a line end: `start)` alone on its line.
    const wasPattern = this.inPattern;
    this.endCommand();
    if (wasPattern && this.caseDepth > 0) this.inPattern = true;
    this.i++;
    this.skipHeredocBodies();
    return true;
  }

  /** Heredoc bodies start on the next line and end at their delimiter alone on a line. */
  private skipHeredocBodies(): void {
    const s = this.s;
    for (const delimiter of this.heredocs.splice(0)) {
      while (this.i < s.length) {
        const lineEnd = s.indexOf('\n', this.i);
        const line = s.slice(this.i, lineEnd < 0 ? s.length : lineEnd);
        this.i = lineEnd < 0 ? s.length : lineEnd + 1;
        if (line.replace(/^\t+/, '') === delimiter) break;
      }
    }
  }

  /** `<<EOF`, `<<-'EOF'`: remembers the delimiter (a `<<<` here-string is a redirection). */
  private heredocStart(c: string): boolean {
    if (c !== '<' || this.s[this.i + 1] !== '<' || this.s[this.i + 2] === '<') return false;
    this.endWord();
    const m = /^<<-?\s*(['"]?)([\w.-]+)\1/.exec(this.s.slice(this.i));
    if (!m) return false;
    this.heredocs.push(m[2]!);
    this.i += m[0].length;
    return true;
  }

  /** `$(…)`: a command of its own starts. */
  private substitution(c: string): boolean {
    if (c !== '$' || this.s[this.i + 1] !== '(' || this.s[this.i + 2] === '(') return false;
    this.endCommand();
    this.i += 2;
    return true;
  }

  /** `$((…))` arithmetic and `${…}` expansions: part of the word. */
  private expansion(c: string): boolean {
    const next = this.s[this.i + 1];
    if (c !== '$' || (next !== '(' && next !== '{')) return false;
    const end = next === '(' ? this.closing(this.i + 1) : this.s.indexOf('}', this.i + 2) + 1 || this.s.length;
    this.append(this.s.slice(this.i, end), end - this.i);
    return true;
  }

  /** An array assignment, `ports=(8080 8081)`: its values are no commands. */
  private arrayValues(c: string): boolean {
    if (c !== '(' || !this.inWord || !/\+?=$/.test(this.word)) return false;
    const end = this.closing(this.i);
    this.word += this.s.slice(this.i, end);
    this.i = end;
    return true;
  }

  /** `(( n += 1 ))` and `for ((i = 0; …))`: arithmetic, one word. */
  private arithmetic(c: string): boolean {
    if (c !== '(' || this.s[this.i + 1] !== '(' || this.inWord || (this.words.length !== 0 && this.words[this.words.length - 1] !== 'for')) return false;
    const end = this.closing(this.i);
    this.words.push(this.s.slice(this.i, end));
    this.i = end;
    return true;
  }

  /** The end of a case clause's patterns (or the optional `(` before them): the patterns are dropped. */
  private casePatterns(c: string): boolean {
    if (!this.inPattern || (c !== ')' && (c !== '(' || this.words.length !== 0 || this.inWord))) return false;
    if (c === ')') {
      this.word = '';
      this.inWord = false;
      this.words = [];
      this.inPattern = false;
    }
    this.i++;
    return true;
  }

  /** `;;`, `;;&` and `;&`: the end of a case clause; the next one starts with patterns. */
  private caseClauseEnd(c: string): boolean {
    const s = this.s;
    if (c === ';' && s[this.i + 1] === ';') {
      this.endCommand();
      this.i += s[this.i + 2] === '&' ? 3 : 2;
      if (this.caseDepth > 0) this.inPattern = true;
      return true;
    }
    if (c === ';' && s[this.i + 1] === '&' && this.caseDepth > 0) {
      this.endCommand();
      this.i += 2;
      this.inPattern = true;
      return true;
    }
    return false;
  }

  /** `; & | ( ) \``: the command ends. */
  private operator(c: string): boolean {
    if (c !== ';' && c !== '&' && c !== '|' && c !== '(' && c !== ')' && c !== '`') return false;
    this.endCommand();
    this.i++;
    return true;
  }

  /** A redirection: its target is not the command. */
  private redirection(c: string): boolean {
    if (c !== '<' && c !== '>') return false;
    const s = this.s;
    this.endWord();
    this.i++;
    while (s[this.i] === '>' || s[this.i] === '&' || s[this.i] === '<') this.i++;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    const m = /^(?:"[^"]*"|'[^']*'|[^\s;&|()<>]+)/.exec(s.slice(this.i));
    this.i += m ? m[0].length : 0;
    return true;
  }

  private blank(c: string): boolean {
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
    this.endWord();
    this.i++;
    return true;
  }
}

/** The tools of `tools` that `command -v` does not find with this PATH. */
export function missingTools(tools: readonly string[], env: Record<string, string>, cwd: string): string[] {
  if (tools.length === 0) return [];
  const script = tools.map((t) => `command -v ${t} >/dev/null 2>&1 || echo ${t}`).join('\n');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { env, cwd, encoding: 'utf8' });
  if (result.error) return ['bash'];
  return result.stdout.split('\n').filter(Boolean);
}
