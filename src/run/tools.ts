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
      // `env FOO=1 node`, `sudo -E node`: skip their options too.
      if (w === 'env' || w === 'sudo') while (words[i]?.startsWith('-')) i++;
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
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  const s = script;
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
      endCommand();
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
      const close = s[i + 1] === '(' ? '))' : '}';
      const end = s.indexOf(close, i + 2);
      word += s.slice(i, end < 0 ? s.length : end + close.length);
      inWord = true;
      i = end < 0 ? s.length : end + close.length;
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
