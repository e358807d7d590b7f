import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE, loadTemplate } from '../../src/template/load-template.js';
import { findPlaceholders } from '../../src/template/placeholders.js';
import type { TemplateSection } from '../../src/template/types.js';
import { flattenSections } from '../../src/template/walk.js';
import { REPO, outline } from '../helpers.js';

function find(sections: TemplateSection[], name: string): TemplateSection {
  const found = flattenSections(sections).find((s) => s.name === name);
  if (!found) throw new Error(`no section ${name}`);
  return found;
}

describe('the built-in template', async () => {
  const template = await loadTemplate();

  it('is the seed template, copied unchanged', async () => {
    const seed = await readFile(new URL('../shared/seed/pattern-template.md', `file://${REPO}`), 'utf8').catch(() => undefined);
    const shipped = await readFile(BUILT_IN_TEMPLATE, 'utf8');
    // The seed lives beside the repository in development and CI; the package carries its copy.
    if (seed !== undefined) expect(shipped).toBe(seed);
    expect(template.builtIn).toBe(true);
  });

  it('has every section and sub-section in order, with the repeatables', () => {
    expect(outline(template.sections)).toEqual([
      '2 Overview',
      '2 Architecture',
      '  3 Components',
      '  3 Data Flow',
      '2 Prerequisites',
      '2 Implementation',
      '  3 Step N: <title> +',
      '2 Configuration',
      '2 Testing',
      '  3 Manual Testing',
      '  3 Automated Testing',
      '2 Deployment',
      '  3 Local Development',
      '  3 Production Deployment',
      '2 Monitoring and Observability',
      '2 Security Considerations',
      '2 Performance Characteristics',
      '2 Troubleshooting',
      '  3 Issue N: <title> +',
      '2 Cleanup',
      '2 Limitations',
      '2 Alternatives',
      '2 Related Patterns',
      '2 Resources',
      '2 License',
      '2 Author',
      '2 Changelog',
      '  3 Version <semver> (<date>) +',
    ]);
  });

  it('takes the title from the H1 and the summary from the blockquote', () => {
    expect(template.title).toMatchObject({ from: 'heading', sample: '[Pattern Title]' });
    expect(template.summary).toEqual({ from: 'blockquote', sample: 'Brief one-sentence description of what this pattern does', sentences: 1 });
  });

  it('matches filled-in repeatable headings, tolerant of separators and case', () => {
    const step = find(template.sections, 'Step N: <title>');
    for (const ok of ['step 1: configure the gateway', 'step 12 - roll out', 'step 3 wire it']) expect(step.matcher.test(ok)).toBe(true);
    for (const no of ['step one: x', 'steps 1: x', 'configure the gateway']) expect(step.matcher.test(no)).toBe(false);
    const version = find(template.sections, 'Version <semver> (<date>)');
    expect(version.matcher.test('version 2.10.0 (2026-11-26)')).toBe(true);
    expect(version.matcher.test('version 1.0.0-rc.1 (2026-01-02)')).toBe(true);
    expect(version.matcher.test('version next (soon)')).toBe(false);
  });

  it('knows what each section holds: the Configuration table, the task list, the diagram, the code blocks', () => {
    expect(find(template.sections, 'Configuration').expects.tables).toEqual([{ columns: ['Parameter', 'Description', 'Required', 'Default'] }]);
    expect(find(template.sections, 'Prerequisites').expects.taskList).toBe(true);
    expect(find(template.sections, 'Architecture').expects.images).toEqual([{ src: 'diagrams/architecture.png', alt: 'Architecture Diagram', folder: 'diagrams' }]);
    expect(find(template.sections, 'Step N: <title>').expects.codeBlocks).toEqual([{ lang: 'bash' }]);
    expect(find(template.sections, 'Cleanup').expects.codeBlocks).toEqual([{ lang: 'bash' }]);
    // Sections holding only sub-sections in the template give no content of their own.
    expect(find(template.sections, 'Implementation').expects.content).toBe(false);
    expect(find(template.sections, 'Overview').expects.content).toBe(true);
  });

  it('keeps each section body for insertion and its text as guidance', () => {
    const cleanup = find(template.sections, 'Cleanup');
    expect(cleanup.body).toBe('How to remove/delete all resources:\n\n```bash\n# Cleanup commands\ncommand delete --all\n```');
    expect(find(template.sections, 'Data Flow').guidance).toContain('Explain how data flows through the system:');
  });

  it('finds the placeholders of each kind, and leaves kept text alone', () => {
    const kinds = new Map(template.placeholders.map((p) => [p.text, p.kind]));
    expect(
      Object.fromEntries(
        [
          '[Pattern Title]',
          '[First Step Title]',
          '[Issue Title]',
          'Brief one-sentence description of what this pattern does',
          'Provide a comprehensive overview of the pattern.',
          'Add diagram here, refrenced from the diagrams folder.',
          'Detailed instructions for the first step.',
          'Continue with implementation steps as needed.',
          'Specify the license (e.g., MIT, Apache 2.0)',
          'Component 1: Description of what this component does',
          'Prerequisite 1',
          'PARAM_1',
          'Test step 1',
          'Step 1: Describe what happens first',
          'Limitation 1: Description',
          'Alternative Pattern 1: When to use this instead',
          'Related Pattern 1',
          'What you observe',
          'Expected latency under normal conditions',
          'Your Name',
          '@your-github-username',
          'your.email@example.com',
          'https://example.com',
          'command --option value',
          '../related-pattern-1/README.md',
        ].map((t) => [t, kinds.get(t)]),
      ),
    ).toEqual({
      '[Pattern Title]': 'bracketed',
      '[First Step Title]': 'bracketed',
      '[Issue Title]': 'bracketed',
      'Brief one-sentence description of what this pattern does': 'summary-sample',
      'Provide a comprehensive overview of the pattern.': 'instruction',
      'Add diagram here, refrenced from the diagrams folder.': 'instruction',
      'Detailed instructions for the first step.': 'instruction',
      'Continue with implementation steps as needed.': 'instruction',
      'Specify the license (e.g., MIT, Apache 2.0)': 'instruction',
      'Component 1: Description of what this component does': 'generic-item',
      'Prerequisite 1': 'generic-item',
      PARAM_1: 'generic-item',
      'Test step 1': 'generic-item',
      'Step 1: Describe what happens first': 'generic-item',
      'Limitation 1: Description': 'generic-item',
      'Alternative Pattern 1: When to use this instead': 'generic-item',
      'Related Pattern 1': 'generic-item',
      'What you observe': 'label-sample',
      'Expected latency under normal conditions': 'label-sample',
      'Your Name': 'sample-value',
      '@your-github-username': 'sample-value',
      'your.email@example.com': 'sample-value',
      'https://example.com': 'sample-value',
      'command --option value': 'sample-value',
      '../related-pattern-1/README.md': 'sample-value',
    });
    for (const kept of [
      'Initial release',
      'Before implementing this pattern, ensure you have:',
      'Common issues and solutions:',
      'Important security aspects:',
      'Known limitations of this pattern:',
      'Symptom',
      'Latency',
      'Name',
      'npm test',
      'Yes',
      'N/A',
      'Overview',
      'Step 1: [First Step Title]',
    ]) {
      expect(kinds.has(kept), kept).toBe(false);
    }
  });

  it('puts placeholders of repeated headings under the repeatable section', () => {
    const first = template.placeholders.find((p) => p.text === 'Detailed instructions for the first step.')!;
    expect(first.sectionPath).toEqual(['Implementation', 'Step N: <title>']);
    expect(first.line).toBe(48);
  });

  it('matches placeholders tolerant of re-wrapping, case and punctuation, not filled-in text', () => {
    const hits = (text: string) => findPlaceholders(template.placeholders, text).map((p) => p.text);
    expect(hits('Provide a comprehensive\n   overview of the PATTERN')).toContain('Provide a comprehensive overview of the pattern.');
    expect(hits('Component 4: description of what this component does!')).toContain('Component 1: Description of what this component does');
    expect(hits('See [Related Pattern 3](x) for more')).toContain('Related Pattern 1');
    expect(hits('Step 1: Configure the Gateway')).toEqual([]);
    expect(hits('Issue 2: Consumers Fall Behind')).toEqual([]);
    expect(hits('Initial release')).toEqual([]);
    expect(hits('The breaker opens after five failures.')).toEqual([]);
  });
});
