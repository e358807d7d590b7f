import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { parseParamFlags, readEnvFile, resolveParameters } from '../../src/run/parameters.js';
import { patternParameters, type Parameter } from '../../src/template/parameters.js';
import { planRun } from '../../src/run/plan.js';
import { matchOutline } from '../../src/template/match-outline.js';
import { tempCatalog } from '../helpers.js';

const PATTERN = `# Params

> A pattern with a Configuration table.

## Overview

Parameters.

## Implementation

### Step 1: Use them

\`\`\`bash
echo "$API_URL $REGION"
\`\`\`

## Configuration

| Parameter | Description | Required | Default |
|-----------|-------------|----------|---------|
| \`API_URL\` | Where the API is | Yes | N/A |
| REGION | Cloud region | No | \`eu-west-1\` |
| GREETING | Quoted default | no | "hello world" |
| DASHED | No default | No | - |
| EMPTY | Empty default | No | |
| TOKEN | Required, lower case yes | yes | none |
| server.port | Not a variable name | No | 8080 |
| PARAM_1 | Description of parameter 1 | Yes | N/A |
`;

async function loaded() {
  const root = await tempCatalog({ 'params/README.md': PATTERN });
  const catalog = await loadCatalog({ root });
  const pattern = catalog.bySlug.get('params')!;
  return { catalog, pattern, root };
}

describe('patternParameters', () => {
  it('reads the Configuration table: names, required, defaults (unquoted), descriptions', async () => {
    const { catalog, pattern } = await loaded();
    const params = patternParameters(pattern, catalog.template, matchOutline(catalog.template.sections, pattern.document.sections));
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(params.map((p) => p.name)).toEqual(['API_URL', 'REGION', 'GREETING', 'DASHED', 'EMPTY', 'TOKEN', 'server.port']);
    expect(byName.API_URL).toMatchObject({ required: true, description: 'Where the API is', env: true });
    expect(byName.API_URL!.default).toBeUndefined();
    expect(byName.REGION).toMatchObject({ required: false, default: 'eu-west-1' });
    expect(byName.GREETING).toMatchObject({ required: false, default: 'hello world' });
    expect(byName.DASHED!.default).toBeUndefined();
    expect(byName.EMPTY!.default).toBeUndefined();
    expect(byName.TOKEN).toMatchObject({ required: true });
    expect(byName.TOKEN!.default).toBeUndefined();
    expect(byName['server.port']).toMatchObject({ env: false, default: '8080' });
    // Each row's line in the file.
    const lines = PATTERN.split('\n');
    expect(lines[byName.REGION!.line - 1]).toMatch(/^\| REGION /);
  });

  it('becomes the plan environment: defaults applied, required ones missing, non-variable names not passed', async () => {
    const { catalog, pattern } = await loaded();
    const plan = planRun(pattern, catalog.template, catalog.config, {
      callerEnv: { PATH: '/bin', LANG: 'en_GB.UTF-8', TERM: 'xterm', HOME: '/home/me', REGION: 'us-east-1' },
    });
    expect(plan.env).toEqual({ PATH: '/bin', LANG: 'en_GB.UTF-8', TERM: 'xterm', REGION: 'eu-west-1', GREETING: 'hello world' });
    expect(plan.resolved.missing.map((p) => p.name)).toEqual(['API_URL', 'TOKEN']);
    const given = planRun(pattern, catalog.template, catalog.config, { callerEnv: { PATH: '/bin' }, param: { API_URL: 'http://x', TOKEN: 't', REGION: 'ap-south-1' } });
    expect(given.resolved.missing).toEqual([]);
    expect(given.env).toMatchObject({ API_URL: 'http://x', TOKEN: 't', REGION: 'ap-south-1', GREETING: 'hello world' });
    expect(given.env).not.toHaveProperty('server.port');
  });

  it('takes the caller’s values only with --inherit-env', async () => {
    const { catalog, pattern } = await loaded();
    const callerEnv = { PATH: '/bin', REGION: 'us-east-1', SECRET: 's3cret' };
    const inherited = planRun(pattern, catalog.template, catalog.config, { callerEnv, inheritEnv: true, param: { API_URL: 'a', TOKEN: 't' } });
    expect(inherited.env).toMatchObject({ REGION: 'us-east-1', SECRET: 's3cret' });
    expect(inherited.resolved.sources.REGION).toBe('environment');
    const reduced = planRun(pattern, catalog.template, catalog.config, { callerEnv, param: { API_URL: 'a', TOKEN: 't' } });
    expect(reduced.env.REGION).toBe('eu-west-1');
    expect(reduced.env).not.toHaveProperty('SECRET');
  });
});

describe('resolveParameters', () => {
  const param = (name: string, extra: Partial<Parameter> = {}): Parameter => ({ name, description: '', required: false, line: 1, env: true, ...extra });
  const params = [
    param('A', { default: 'default-a' }),
    param('B', { default: 'default-b' }),
    param('C', { default: 'default-c' }),
    param('D', { default: 'default-d' }),
    param('R', { required: true }),
  ];

  it('takes --param, then --env-file, then the inherited environment, then the default', () => {
    const r = resolveParameters(params, {
      param: { A: 'param-a', R: 'param-r' },
      envFile: { A: 'file-a', B: 'file-b' },
      inherited: { A: 'env-a', B: 'env-b', C: 'env-c' },
    });
    expect(r.values).toEqual({ A: 'param-a', B: 'file-b', C: 'env-c', D: 'default-d', R: 'param-r' });
    expect(r.sources).toEqual({ A: 'param', B: 'env-file', C: 'environment', D: 'default', R: 'param' });
    expect(r.missing).toEqual([]);
  });

  it('lists required parameters nobody gave, and only those', () => {
    const r = resolveParameters([...params, param('S', { required: true, default: 'has-one' })], {});
    expect(r.missing.map((p) => p.name)).toEqual(['R']);
    expect(r.values.S).toBe('has-one');
    expect(resolveParameters(params, { envFile: { R: 'from-file' } }).missing).toEqual([]);
    expect(resolveParameters(params, { inherited: { R: 'from-env' } }).missing).toEqual([]);
  });

  it('an empty value given is a value', () => {
    const r = resolveParameters(params, { param: { R: '', A: '' } });
    expect(r.missing).toEqual([]);
    expect(r.values).toMatchObject({ R: '', A: '' });
  });

  it('passes values given for names the table does not list, --param over --env-file', () => {
    const r = resolveParameters(params, { param: { R: 'r', EXTRA: 'from-param' }, envFile: { EXTRA: 'from-file', OTHER: 'file-only' } });
    expect(r.values).toMatchObject({ EXTRA: 'from-param', OTHER: 'file-only' });
    expect(r.sources).toMatchObject({ EXTRA: 'param', OTHER: 'env-file' });
  });

  it('never passes a parameter whose name is not a variable name', () => {
    const r = resolveParameters([param('server.port', { env: false, default: '8080', required: true })], {});
    expect(r.values).toEqual({});
    expect(r.missing).toEqual([]);
  });
});

describe('--param and --env-file values', () => {
  it('parses KEY=VALUE flags, keeping = in values, and refuses malformed ones', () => {
    expect(parseParamFlags(['A=1', 'URL=http://x?a=b', 'EMPTY='])).toEqual({ A: '1', URL: 'http://x?a=b', EMPTY: '' });
    expect(() => parseParamFlags(['novalue'])).toThrow(/--param novalue/);
    expect(() => parseParamFlags(['=x'])).toThrow();
    expect(() => parseParamFlags(['1A=x'])).toThrow();
  });

  it('reads an env file: comments, quotes, blank lines', async () => {
    const dir = await tempCatalog();
    const file = path.join(dir, 'values.env');
    await writeFile(file, '# values\nA=1\n\nB="two words"\nC=\'single\'\n');
    expect(readEnvFile(file)).toEqual({ A: '1', B: 'two words', C: 'single' });
    expect(() => readEnvFile(path.join(dir, 'missing.env'))).toThrow(/missing\.env/);
  });
});
