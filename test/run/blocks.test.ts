import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { consoleCommands, parseAttributes } from '../../src/run/blocks.js';

function attrs(info: string) {
  const problems: Diagnostic[] = [];
  const options = parseAttributes(info, 'p/README.md', 12, problems);
  return { options, problems };
}

describe('parseAttributes', () => {
  it('gives the defaults for a bare language', () => {
    expect(attrs('bash')).toEqual({ options: { skip: false, expectFail: false, background: false }, problems: [] });
  });

  it('reads each known attribute', () => {
    expect(attrs('bash {skip}').options.skip).toBe(true);
    expect(attrs('bash {expect-fail}').options.expectFail).toBe(true);
    expect(attrs('bash {background}').options.background).toBe(true);
    expect(attrs('bash {timeout=60}').options.timeout).toBe(60);
    expect(attrs('bash {timeout=0.5}').options.timeout).toBe(0.5);
    expect(attrs('bash {cwd=app/server}').options.cwd).toBe('app/server');
    expect(attrs('bash {name=Install}').options.name).toBe('Install');
  });

  it('reads several attributes in one brace or several, separated by spaces or commas, with quoted values', () => {
    expect(attrs('bash {timeout=60 name="Start the API"}')).toEqual({
      options: { skip: false, expectFail: false, background: false, timeout: 60, name: 'Start the API' },
      problems: [],
    });
    expect(attrs("sh {expect-fail, cwd=app} {name='Break it'}").options).toEqual({ skip: false, expectFail: true, background: false, cwd: 'app', name: 'Break it' });
    expect(attrs('bash{background}{name="Server"}').options).toMatchObject({ background: true, name: 'Server' });
  });

  it('reports an unknown attribute as an error at the block, naming it', () => {
    const { problems } = attrs('bash {retries=3}');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'p/README.md', line: 12, severity: 'error', ruleId: 'run-attribute' });
    expect(problems[0]!.message).toContain('retries');
  });

  it('reports malformed values and keeps the attributes that were understood', () => {
    const bad = attrs('bash {timeout=soon skip}');
    expect(bad.options.timeout).toBeUndefined();
    expect(bad.options.skip).toBe(true);
    expect(bad.problems.map((p) => p.message).join(' ')).toMatch(/timeout=soon/);
    expect(attrs('bash {timeout=0}').problems).toHaveLength(1);
    expect(attrs('bash {timeout=-5}').problems).toHaveLength(1);
    expect(attrs('bash {cwd}').problems).toHaveLength(1);
    expect(attrs('bash {name}').problems).toHaveLength(1);
  });

  it('refuses {background} with {expect-fail}', () => {
    expect(attrs('bash {background expect-fail}').problems).toHaveLength(1);
  });
});

describe('consoleCommands', () => {
  it('keeps only the $ lines, without their prompt', () => {
    expect(consoleCommands('$ npm ci\nadded 120 packages\n$ npm test\n> ok\n')).toBe('npm ci\nnpm test\n');
  });

  it('keeps the lines a command continues onto with a backslash', () => {
    expect(consoleCommands('$ docker run \\\n    --rm alpine \\\n    echo hi\nhi\n$ echo done\ndone\n')).toBe(
      'docker run \\\n    --rm alpine \\\n    echo hi\necho done\n',
    );
  });

  it('accepts an indented prompt and ignores lines that only look like one', () => {
    expect(consoleCommands('  $ ls\n$HOME/file\n$\n#  rm -rf /\n')).toBe('ls\n');
  });

  it('is empty for a transcript without commands', () => {
    expect(consoleCommands('just output\nmore output\n')).toBe('');
  });
});
