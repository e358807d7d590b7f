import { spawnSync } from 'node:child_process';

/** Words that start a command but are the shell's own: never looked up on PATH. */
const SHELL_WORDS = new Set(
  (
    // keywords
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
const SUDO_VALUED = new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group', '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout']);
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
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const heredocs: string[] = [];
  // In a `case … in … esac`, each clause starts with patterns up to a `)`: those are no commands.
  let caseDepth = 0;
  let inPattern = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) {
      if (words[0] === 'case' && words[words.length - 1] === 'in') {
        caseDepth++;
        inPattern = true;
      } else if (words[0] === 'esac' && caseDepth > 0) {
        caseDepth--;
        inPattern = false;
      } else if (!inPattern) commands.push(words);
    }
    words = [];
  };
  const s = script;
  /** The index just past the parenthesis closing the one at `open`, quotes respected. */
  const closing = (open: number): number => {
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
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      if (s[i + 1] === '\n') i += 2;
      else {
        word += s[i + 1] ?? '';
        inWord = true;
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      word += s.slice(i + 1, end < 0 ? s.length : end);
      inWord = true;
      i = end < 0 ? s.length : end + 1;
      continue;
    }
    if (c === '"') {
      // Inside double quotes `$(…)` still runs a command, but a tool used only there is rare: taken as text.
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      word += s.slice(i + 1, j);
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      // A case pattern ends at its `)`, never at a line end: `start)` alone on its line.
      const wasPattern = inPattern;
      endCommand();
      if (wasPattern && caseDepth > 0) inPattern = true;
      i++;
      // Heredoc bodies start on the next line and end at their delimiter alone on a line.
      for (const delimiter of heredocs.splice(0)) {
        while (i < s.length) {
          const lineEnd = s.indexOf('\n', i);
          const line = s.slice(i, lineEnd < 0 ? s.length : lineEnd);
          i = lineEnd < 0 ? s.length : lineEnd + 1;
          if (line.replace(/^\t+/, '') === delimiter) break;
        }
      }
      continue;
    }
    if (c === '<' && s[i + 1] === '<' && s[i + 2] !== '<') {
      endWord();
      const m = /^<<-?\s*(['"]?)([\w.-]+)\1/.exec(s.slice(i));
      if (m) {
        heredocs.push(m[2]!);
        i += m[0].length;
        continue;
      }
    }
    if (c === '$' && s[i + 1] === '(' && s[i + 2] !== '(') {
      endCommand();
      i += 2;
      continue;
    }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      // `$((…))` arithmetic and `${…}` expansions: part of the word.
      const end = s[i + 1] === '(' ? closing(i + 1) : s.indexOf('}', i + 2) + 1 || s.length;
      word += s.slice(i, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '(' && inWord && /\+?=$/.test(word)) {
      // An array assignment, `ports=(8080 8081)`: its values are no commands.
      const end = closing(i);
      word += s.slice(i, end);
      i = end;
      continue;
    }
    if (c === '(' && s[i + 1] === '(' && !inWord && (words.length === 0 || words[words.length - 1] === 'for')) {
      // `(( n += 1 ))` and `for ((i = 0; …))`: arithmetic, one word.
      const end = closing(i);
      words.push(s.slice(i, end));
      i = end;
      continue;
    }
    if (inPattern && (c === ')' || (c === '(' && words.length === 0 && !inWord))) {
      // The end of a case clause's patterns (or the optional `(` before them).
      if (c === ')') {
        word = '';
        inWord = false;
        words = [];
        inPattern = false;
      }
      i++;
      continue;
    }
    if (c === ';' && s[i + 1] === ';') {
      // `;;`, `;;&`: the end of a case clause; the next one starts with patterns.
      endCommand();
      i += s[i + 2] === '&' ? 3 : 2;
      if (caseDepth > 0) inPattern = true;
      continue;
    }
    if (c === ';' && s[i + 1] === '&' && caseDepth > 0) {
      endCommand();
      i += 2;
      inPattern = true;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '`') {
      endCommand();
      i++;
      continue;
    }
    if (c === '<' || c === '>') {
      // A redirection: its target is not the command.
      endWord();
      i++;
      while (s[i] === '>' || s[i] === '&' || s[i] === '<') i++;
      while (s[i] === ' ' || s[i] === '\t') i++;
      const m = /^(?:"[^"]*"|'[^']*'|[^\s;&|()<>]+)/.exec(s.slice(i));
      i += m ? m[0].length : 0;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endCommand();
  return commands;
}

/** The tools of `tools` that `command -v` does not find with this PATH. */
export function missingTools(tools: readonly string[], env: Record<string, string>, cwd: string): string[] {
  if (tools.length === 0) return [];
  const script = tools.map((t) => `command -v ${t} >/dev/null 2>&1 || echo ${t}`).join('\n');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { env, cwd, encoding: 'utf8' });
  if (result.error) return ['bash'];
  return result.stdout.split('\n').filter(Boolean);
}
