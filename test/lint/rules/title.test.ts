import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/lint.js';
import { gitAt, tempCatalog } from '../../helpers.js';
import rule from '../../../src/lint/rules/title.js';
import { testRule } from '../../../src/lint/rule-tester.js';
import { lintOne } from './_lint-one.js';

/** The title is the H1. */
const template = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Describe the problem this pattern solves.
`;

/** The title is front matter \`title\` (the template has no H1). */
const frontMatterTemplate = `---
title: "[Pattern Title]"
description: "[One sentence that says what the pattern does]"
---

## Context

Describe the forces at play.
`;

/** Placeholders written other ways than brackets: a fixed prefix, a number to fill in, a phrase to replace. */
const numberedTemplate = `# RFC-NNNN: Your one-line title

## Problem

What goes wrong today.
`;

/** A record number written as zeros after a prefix, and a bracketed title, in front matter. */
const zerosTemplate = `---\ntitle: "REC000: [TITLE]"\n---\n\n## Context\n\n<!-- the forces at play -->\n`;

/** The placeholder is a code span; the fixed words follow it. */
const codeSpanTemplate = '# `Subject` Field Guide\n\n## Introduction\n\nWhat the guide covers.\n';

/** The placeholder is in braces. */
const bracesTemplate = '# {short name of the decision, saying what was chosen}\n\n## Context\n\nWhy a decision was needed.\n';

/** A sample title without any variable part: a pattern that keeps it is the only finding. */
const sampleTemplate = '# Source Service 1 to Target Service 2\n\nThis pattern connects them.\n\n## How it works\n\nExplain the flow.\n';

/** A tag to fill in before the title: the catalog tags its titles (`[RFC] Task resources`). */
const tagTemplate = '# [RFC Template] Title\n\n## Problem\n\nWhat goes wrong today.\n';

/** The title is the first line under a `## Title` section. */
const sectionTemplate = '## Title\n\nShort name here\n\n## Gist\n\nTwo sentences: the problem, then the answer.\n\n## Problem\n\nWhat hurts.\n';

const placeholder = (title: string) => `The title is still the template's placeholder “${title}”: name the pattern.`;
const sample = (title: string) => `The title is still the template's sample “${title}”: name the pattern.`;
const kept = (title: string, part: string) => `The title “${title}” still has the template's placeholder “${part}”: put the pattern's own words there.`;
const withTitle = (title: string) => `${title}\n\n> Hands out work to whichever worker asks first.\n\n## Overview\n\nWorkers pull, nobody pushes.\n`;
const titled = (title: string) => `${title}\n\n## Problem\n\nClients retry until the service falls over.\n`;
const underTitle = (line: string) => `## Title\n\n${line}\n\n## Gist\n\nReplicas idle until the primary fails. Then one takes over.\n\n## Problem\n\nDowntime.\n`;

testRule(
  rule,
  {
    template,
    valid: [
      {
        name: 'a status tag in the template’s placeholder marks beside the author’s words (`[Deprecated]`, `[WIP]`) is the pattern’s state, no blank',
        text: withTitle('# Competing Consumers [Deprecated]'),
      },
      { name: 'a status tag opening the title', text: withTitle('# [Work in progress] Competing Consumers') },
      {
        name: 'marks glued to the word before them (`Optional[T]`, `map[string]`) are code in the title — a type parameter, an index — no blank',
        text: withTitle('# Optional[T] fields in worker configs'),
      },
      { name: 'a slice glued to its `&` (`&[T]`), and a name glued after the marks (`[Typed]Func`)', text: withTitle('# Casting &Vec<T> to &[T] in [Typed]Func calls') },
      { name: 'marks inside a code span of the title (`` `#[repr(packed)]` ``)', text: withTitle('# Misuse of `#[repr(packed)]` in workers') },
      {
        name: 'the template’s H1 with no placeholder over a `## Name` section is the kind of document, kept as it is: the name is under `## Name`',
        template: '# Record\n\n## Name\n\nEnter the name of the record here.\n\n## Purpose\n\nWhat it is for.\n',
        text: '# Record\n\n## Name\n\nShelf list\n\n## Purpose\n\nIt lists the shelves.\n',
      },
      {
        name: 'an H1 opening the text that repeats the front matter title (the title for readers of the source, as on GitHub): nothing',
        template: frontMatterTemplate,
        text: '---\ntitle: Competing Consumers\ndescription: Hands out work.\n---\n\n# Competing consumers\n\n## Context\n\nWorkers pull.\n',
      },
      {
        name: "a template section written as an H1 is heading-level's finding, not a second title",
        text: '# Competing Consumers\n\n> Hands out work to whichever worker asks first.\n\n# Overview\n\nWorkers pull, nobody pushes.\n',
      },
      {
        name: "every section written one level up, the template's and the author's: heading-level says it once, none is a second title",
        text: '# Competing Consumers\n\n> Hands out work to whichever worker asks first.\n\n# Overview\n\nWorkers pull, nobody pushes.\n\n# Appendix\n\nA benchmark.\n',
      },
      {
        name: 'most sections written one level up, the last back at its level: still that layout, none of its H1s a second title',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Design\n\nHow.\n\n## Risks\n\nWhat could go wrong.\n',
        text: '# Competing Consumers\n\n# Overview\n\nWorkers pull.\n\n# Design\n\nA queue.\n\n# Rollout\n\nOne team first.\n\n## Risks\n\nA slow worker.\n',
      },
      { name: 'one H1 at the top', text: withTitle('# Competing Consumers') },
      { name: "the author's tag in brackets, with a number in it", text: withTitle('# [v2.1 Proposal] Competing Consumers') },
      { name: "a whole title in brackets, in the author's own words", text: withTitle('# [Competing consumers on one queue]') },
      { name: 'an underlined H1', text: withTitle('Competing Consumers\n===================') },
      { name: 'after front matter', text: `---\nstatus: draft\n---\n${withTitle('# Competing Consumers')}` },
      {
        name: 'a title in the shape the template gives (`# [Pattern Title] Pattern`)',
        template: '# [Pattern Title] Pattern\n\n## Overview\n\nDescribe it.\n',
        text: withTitle('# Competing Consumers Pattern'),
      },
      {
        name: "a title without the template's fixed words is the title-shape rule's (a warning), not this rule's",
        template: '# [Pattern Title] Pattern\n\n## Overview\n\nDescribe it.\n',
        text: withTitle('# Competing Consumers'),
      },
      {
        name: 'from front matter, when the template keeps it there',
        template: frontMatterTemplate,
        text: '---\ntitle: Competing Consumers\ndescription: Hands out work to whichever worker asks first.\n---\n\n## Context\n\nWorkers pull.\n',
      },
      { name: '`NNNN` and "Your …" are placeholders: a filled-in title fits', template: numberedTemplate, text: titled('# RFC-0042: Retry budgets') },
      {
        name: "the author's own brackets where the template marks placeholders otherwise",
        template: numberedTemplate,
        text: titled('# RFC-0042: [Withdrawn] Retry budgets'),
      },
      {
        name: "a tag in the template's brackets before the author's words, where the template's placeholder is another (`[superseded]` for `[TITLE]`)",
        template: zerosTemplate,
        text: '---\ntitle: "REC002: [superseded] Fetch with one library"\n---\n\n## Context\n\nSeveral clients were in use.\n',
      },
      {
        name: 'zeros after a prefix stand for the number (`REC000`): a numbered title fits',
        template: zerosTemplate,
        text: '---\ntitle: "REC014: Use the platform fetch"\n---\n\n## Context\n\nThe platform ships one.\n',
      },
      {
        name: 'the title in front matter alone where the template writes a heading too: a first `##` of other words is a section, not the title a level down',
        template: '---\ntitle: neat-idea\n---\n\n# Neat Idea\n\n## Summary\n\nOne paragraph.\n\n## Motivation\n\nWhy.\n\n## Proposal\n\nHow.\n',
        text: '---\ntitle: vrf-plugin\n---\n\n## Sign-off checklist\n\n- [x] Reviewed\n\n## Summary\n\nA plugin.\n\n## Motivation\n\nTenants.\n\n## Proposal\n\nA plugin.\n',
      },
      {
        name: "titles read from H1s by the configuration where the template names the pattern in a field of the document's kind (`- Feature Name:`): one named there has its title",
        template: '- Feature Name: (a unique ident, `my_feature`)\n- Start Date: (YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n\n# Motivation\n\nWhy.\n',
        config: { title: { from: 'heading' } },
        text: '- Feature Name: window_handle\n- Start Date: 2023-10-16\n\n# Summary\n\nA handle.\n\n# Motivation\n\nPlugins need it.\n',
      },
      { name: 'a code-span placeholder filled in', template: codeSpanTemplate, text: '# Caching Field Guide\n\n## Introduction\n\nWhere caches help.\n' },
      { name: 'a braces placeholder filled in', template: bracesTemplate, text: '# Keep sessions in the database\n\n## Context\n\nNodes restart often.\n' },
      {
        name: 'a sample title is no shape to follow: any other title is fine',
        template: sampleTemplate,
        text: '# Orders Queue to Billing Function\n\nThis pattern sends orders to billing.\n\n## How it works\n\nA queue feeds a function.\n',
      },
      { name: 'the line under `## Title`, when the template keeps the title there', template: sectionTemplate, text: underTitle('Warm Standby') },
      {
        name: "the catalog's tag in place of the template's tag placeholder, its kind word kept and its placeholder word dropped (`[RFC]` for `[RFC Template]`)",
        template: tagTemplate,
        text: titled('# [RFC] Task resources'),
      },
      { name: 'that tag after the author’s words (`Task resources [RFC]`)', template: tagTemplate, text: titled('# Task resources [RFC]') },
      {
        name: 'a short tag of the catalog’s own closing the title, an acronym or one capitalized word (`[RR]`, `[Newbie]`)',
        template: tagTemplate,
        text: titled('# Typed metadata [RR]'),
      },
      { name: 'one capitalized word as that tag', template: tagTemplate, text: titled('# Lazy loading [Newbie]') },
    ],
    invalid: [
      {
        name: 'titles read from front matter by the configuration, where the template names the pattern in its header table: one named there is a warning',
        template: '| Number | Title | Status |\n|---|---|---|\n| NNN | A few words | Draft |\n\n## Overview\n\nWhat.\n',
        config: { title: { from: 'front-matter' } },
        text: '| Number | Title | Status |\n|---|---|---|\n| 4 | Gadget staking registry | Draft |\n\n## Overview\n\nGadgets register here.\n',
        errors: [
          {
            message:
              "This catalog keeps the title in front matter `title:`; this file names itself in the template's own header field `title` (“Gadget staking registry”), where the template puts it: a warning. Set `title: Gadget staking registry` in the front matter as the other patterns do.",
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a template with its title in front matter, a file naming itself in a header table above a first H1 that names a part (`# Summary`): the header is said, never the part',
        template: frontMatterTemplate,
        text: '| id | title | status |\n| --- | --- | --- |\n| 7 | Quiet hours for alerts | Live |\n\n# Summary\n\n## Problem\n\nAlerts wake people.\n\n# Context\n\nNights.\n',
        errors: [
          {
            message:
              'This template keeps the title in front matter `title:`; this file names itself in its header fields (“Quiet hours for alerts”): set `title: Quiet hours for alerts` in the front matter.',
            line: 1,
            column: 1,
          },
        ],
      },
      {
        name: 'titles read from front matter by the configuration, where the template writes its own title line as an H2 placeholder: one written there is a warning',
        template: '## Your Design Title\n\n* **Owner:**\n  * `<name>`\n\n> Short: one line on what this design changes.\n\n## Motivation\n\nWhy.\n\n## Goals\n\nWhat.\n',
        config: { title: { from: 'front-matter' } },
        text: '## Search index design\n\n* **Owner:**\n  * Kim\n\n> Short: a search index.\n\n## Motivation\n\nSlow lists.\n\n## Goals\n\nFast lists.\n',
        errors: [
          {
            message:
              'This catalog keeps the title in front matter `title:`; this file has it as the `## Search index design` heading, where the template writes its own title line: a warning. Set `title: Search index design` in the front matter as the other patterns do.',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'another H1 than the template’s kind of document, where the name goes under `## Name`: said',
        template: '# Record\n\n## Name\n\nEnter the name of the record here.\n\n## Purpose\n\nWhat it is for.\n',
        text: '# Shelf list\n\n## Name\n\nShelf list\n\n## Purpose\n\nIt lists the shelves.\n',
        errors: [{ message: 'This template keeps the title on the line under `## Name`; write it there rather than as the `# Shelf list` heading.', line: 1, column: 1 }],
      },
      {
        name: 'the zeros that stand for the number kept (`REC000: …`): a placeholder left',
        template: zerosTemplate,
        text: '---\ntitle: "REC000: Use locale-aware dates"\n---\n\n## Context\n\nDates were shown raw.\n',
        errors: [{ message: kept('REC000: Use locale-aware dates', '000'), line: 1, column: 1 }],
      },
      {
        name: 'one H1 below a heading of the author’s (`## Note` above it): the title, not at the top — a warning at it, never “missing” or “a second H1”',
        text: '## Note\n\nKept for history.\n\n# Cache Idea\n\n> Keep hot reads close.\n\n## Overview\n\nA cache.\n',
        errors: [
          {
            message: 'The title `# Cache Idea` is on line 5, below `## Note`: the template opens each pattern with an H1. Move it to the top, above that heading.',
            line: 5,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'no H1',
        text: '## Overview\n\nWorkers pull, nobody pushes.\n',
        errors: [{ message: 'Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none.', line: 1, column: 1 }],
      },
      {
        name: 'no H1 where the configuration reads titles from H1s and the template has no title line: said as the configuration’s',
        template: '## Background\n\nWhy.\n\n## Details\n\nHow.\n',
        config: { title: { from: 'heading' } },
        text: '## Background\n\nHarps.\n\n## Details\n\nStrings.\n',
        errors: [{ message: "Missing title: the configuration reads each pattern's title from an H1 (`# …`), and this pattern has none.", line: 1, column: 1 }],
      },
      {
        name: 'no H1 where the configuration makes the title recommended (`title.recommended`): a warning that says why',
        config: { title: { recommended: true } },
        text: '## Overview\n\nWorkers pull, nobody pushes.\n',
        errors: [
          {
            message:
              'Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none. (The configuration makes the title recommended, `title.recommended`: a warning.)',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'the title line cleared and left empty (`# ` where the template has its sample): no name, an error at it',
        text: '# \n\n## Overview\n\nWorkers pull, nobody pushes.\n',
        errors: [{ message: "Missing title: the title line `#` is empty. Write the pattern's name after the `#`.", line: 1, column: 1 }],
      },
      {
        name: 'a title line without the space after `#` (`#4. Deploy order`): no heading, said so with what to write',
        text: '#4. Deploy order\n\n## Overview\n\nWorkers pull, nobody pushes.\n',
        errors: [{ message: 'Missing title: `#4. Deploy order` is no heading — Markdown needs a space after the `#`. Make it `# 4. Deploy order`.', line: 1, column: 1 }],
      },
      {
        name: 'no front matter title where the configuration makes it recommended: a warning',
        template: frontMatterTemplate,
        config: { title: { from: 'front-matter', recommended: true } },
        text: '---\nstatus: draft\n---\n\n## Context\n\nWorkers pull.\n',
        errors: [
          {
            message: 'Missing title: set `title:` in the front matter. (The configuration makes the title recommended, `title.recommended`: a warning.)',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'the title as an H1 where the template keeps it in front matter and the configuration makes it recommended: a warning, no worse than none',
        template: frontMatterTemplate,
        config: { title: { from: 'front-matter', recommended: true } },
        text: '# Quiet hours\n\n## Context\n\nWorkers pull.\n',
        errors: [
          {
            message:
              'This template keeps the title in front matter `title:`; this file has it as the `# Quiet hours` heading: set `title: Quiet hours` in the front matter.',
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'no H1 after front matter: reported on the first line after it',
        text: '---\nstatus: draft\n---\n\n## Overview\n\nWorkers pull.\n',
        errors: [{ message: 'Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none.', line: 4, column: 1 }],
      },
      {
        name: 'no title, every section written as an H1 in its place (an older layout): one error that names the cause',
        text: '# Overview\n\nWorkers pull, nobody pushes.\n\n# Architecture\n\nA queue.\n',
        errors: [
          {
            message:
              'Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none; it writes its sections one level up instead (`# Overview`): add the title above them, then `lint --fix` moves them down a level.',
            line: 1,
            column: 1,
          },
        ],
      },
      {
        name: 'no title, sections written as H1s from the top and some at their level (an older layout, half moved): one finding, no "second title"',
        template: '# [Pattern Title]\n\n## Overview\n\nDescribe it.\n\n## Design\n\nHow it works.\n\n## Risks\n\nWhat could go wrong.\n',
        text: '# Overview\n\nWorkers pull, nobody pushes.\n\n# How the pool grows\n\nOne worker per shard.\n\n# Design\n\nA queue.\n\n## Risks\n\nA slow shard.\n',
        errors: [
          {
            message:
              'Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none; it writes sections as H1s from the top instead (`# Overview`, and 2 more): add the title above them and make them `##` sections.',
            line: 1,
            column: 1,
          },
        ],
      },
      {
        name: "the template's placeholder as written",
        text: withTitle('# [Pattern Title]'),
        errors: [{ message: placeholder('[Pattern Title]'), line: 1, column: 1, endLine: 1, endColumn: 18 }],
      },
      { name: 'the placeholder without brackets', text: withTitle('# Pattern Title'), errors: [{ message: placeholder('Pattern Title'), line: 1, column: 1 }] },
      { name: 'the placeholder in lower case', text: withTitle('# [pattern title]'), errors: [{ message: placeholder('[pattern title]'), line: 1, column: 1 }] },
      {
        name: "the template's tag placeholder kept whole before the author's words",
        template: tagTemplate,
        text: titled('# [RFC Template] Task resources'),
        errors: [{ message: kept('[RFC Template] Task resources', '[RFC Template]'), line: 1, column: 1 }],
      },
      {
        name: "a tag with the template's placeholder word in it is no tag of the author's (`[Template]`)",
        template: tagTemplate,
        text: titled('# [Template] Task resources'),
        errors: [{ message: kept('[Template] Task resources', '[Template]'), line: 1, column: 1 }],
      },
      {
        name: "a tag closing the title with the template's placeholder word in it is still the placeholder (`[Title]`)",
        template: tagTemplate,
        text: titled('# Task resources [Title]'),
        errors: [{ message: kept('Task resources [Title]', '[Title]'), line: 1, column: 1 }],
      },
      {
        name: "a part in the template's placeholder marks left in",
        text: withTitle('# Competing [Worker Kind]'),
        errors: [{ message: kept('Competing [Worker Kind]', '[Worker Kind]'), line: 1, column: 1 }],
      },
      {
        name: 'a second H1',
        text: `${withTitle('# Competing Consumers')}\n# Scaling out\n\nAdd workers.\n`,
        errors: [
          {
            message:
              "More than one title: `# Scaling out` is a second H1. Make it a `##` section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
            line: 9,
            column: 1,
            endLine: 9,
            endColumn: 14,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a part set above the title as an H1 (`# Status` over a notice): that one is the second title, not the H1 that names the pattern',
        text: `# Status\n\n> Paused: a newer proposal took its place.\n\n${withTitle('# Competing Consumers')}`,
        errors: [
          {
            message:
              "More than one title: `# Status` stands above the title, `# Competing Consumers`, as an H1 too. Make it a `##` section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
            line: 1,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'a second H1 right under a section with no text of its own: that section’s content a level too high',
        text: '# Competing Consumers\n\n> Workers pull.\n\n## Overview\n\n# Scaling out\n\nAdd workers.\n',
        errors: [
          {
            message:
              "More than one title: `# Scaling out` is a second H1, right under `## Overview`, which has no text of its own: make it `### Scaling out`, part of that section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
            line: 7,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: 'front matter without title',
        template: frontMatterTemplate,
        text: '---\ndescription: Hands out work to whichever worker asks first.\n---\n\n## Context\n\nWorkers pull.\n',
        errors: [{ message: 'Missing title: set `title:` in the front matter.', line: 1, column: 1 }],
      },
      {
        name: 'no front matter title, the title written as the H1: one finding, at the heading, that says where it goes',
        template: frontMatterTemplate,
        text: '# Competing Consumers\n\n## Context\n\nWorkers pull.\n',
        errors: [
          {
            message:
              'This template keeps the title in front matter `title:`; this file has it as the `# Competing Consumers` heading: set `title: Competing Consumers` in the front matter.',
            line: 1,
            column: 1,
          },
        ],
      },
      {
        name: 'the title suggested for the front matter is quoted where YAML would read it otherwise',
        template: frontMatterTemplate,
        text: '# ADR-1: Use Postgres\n\n## Context\n\nWorkers pull.\n',
        errors: [
          {
            message:
              'This template keeps the title in front matter `title:`; this file has it as the `# ADR-1: Use Postgres` heading: set `title: "ADR-1: Use Postgres"` in the front matter.',
            line: 1,
            column: 1,
          },
        ],
      },
      {
        name: 'an H1 in the text beside the front matter title: a warning',
        template: frontMatterTemplate,
        text: '---\ntitle: Competing Consumers\ndescription: Hands out work.\n---\n\n# Workers\n\n## Context\n\nWorkers pull.\n',
        errors: [
          {
            message: 'This template takes the title from front matter `title`; the `# Workers` heading shows a second one: make it a `##` section, or remove it.',
            line: 6,
            column: 1,
            severity: 'warning',
          },
        ],
      },
      {
        name: "front matter with the template's placeholder: the front matter block is pointed at",
        template: frontMatterTemplate,
        text: '---\ntitle: "[Pattern Title]"\ndescription: Hands out work.\n---\n\n## Context\n\nWorkers pull.\n',
        errors: [{ message: placeholder('[Pattern Title]'), line: 1, column: 1, endLine: 4, endColumn: 4 }],
      },
      {
        name: 'the number to fill in left as `NNNN`',
        template: numberedTemplate,
        text: titled('# RFC-NNNN: Retry budgets'),
        errors: [{ message: kept('RFC-NNNN: Retry budgets', 'NNNN'), line: 1, column: 1 }],
      },
      {
        name: 'the sample phrase left after the label',
        template: numberedTemplate,
        text: titled('# RFC-0042: Your one-line title'),
        errors: [{ message: kept('RFC-0042: Your one-line title', 'Your one-line title'), line: 1, column: 1 }],
      },
      {
        name: "the whole of the template's title",
        template: numberedTemplate,
        text: titled('# RFC-NNNN: Your one-line title'),
        errors: [{ message: placeholder('RFC-NNNN: Your one-line title'), line: 1, column: 1 }],
      },
      {
        name: 'the code-span placeholder kept as a word',
        template: codeSpanTemplate,
        text: '# Subject Field Guide\n\n## Introduction\n\nWhere caches help.\n',
        errors: [{ message: placeholder('Subject Field Guide'), line: 1, column: 1 }],
      },
      {
        name: 'a braces placeholder left in a title of the author’s',
        template: bracesTemplate,
        text: '# Keep {what} in the database\n\n## Context\n\nNodes restart often.\n',
        errors: [{ message: kept('Keep {what} in the database', '{what}'), line: 1, column: 1 }],
      },
      {
        name: 'a sample title kept as it is',
        template: sampleTemplate,
        text: '# Source Service 1 to Target Service 2\n\nThis pattern sends orders to billing.\n\n## How it works\n\nA queue feeds a function.\n',
        errors: [{ message: sample('Source Service 1 to Target Service 2'), line: 1, column: 1 }],
      },
      {
        name: 'the sample line under `## Title`',
        template: sectionTemplate,
        text: underTitle('Short name here'),
        errors: [{ message: sample('Short name here'), line: 3, column: 1 }],
      },
      {
        name: '`# Title` written as an H1 where the template has `## Title`',
        template: sectionTemplate,
        text: '# Title\n\nWarm Standby\n\n## Gist\n\nReplicas idle until the primary fails.\n\n## Problem\n\nDowntime.\n',
        errors: [{ message: '`# Title` is written as an H1: this template has it as a section, `## Title`, with the title on the line below.', line: 1, column: 1 }],
      },
      {
        name: 'an H1 title where the template keeps it under `## Title`',
        template: sectionTemplate,
        text: '# Warm Standby\n\n## Gist\n\nReplicas idle until the primary fails.\n\n## Problem\n\nDowntime.\n',
        errors: [
          { message: 'This template keeps the title on the line under `## Title`; write it there rather than as the `# Warm Standby` heading.', line: 1, column: 1 },
        ],
      },
    ],
  },
  { describe, it },
);

describe('title: a second H1 where the catalog’s own markdownlint configuration allows several', () => {
  const files = (config: Record<string, string>) =>
    tempCatalog({
      ...config,
      'patternbook.config.json': JSON.stringify({ template: 'templates/adr.md', patterns: ['adr/*.md'] }),
      'templates/adr.md': '# ADR {N}: {Title}\n\n## Context\n\nThe forces.\n\n## Decision\n\nWhat we do.\n',
      'adr/001-blocks.md': '# ADR 1: Fixed block times\n\n## Context\n\nBlocks drift.\n\n## Decision\n\nA timer.\n\n# Implementation Changes\n\nThe timer moves.\n',
    });
  const shown = async (dir: string) =>
    (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`));

  it('`MD025: false` (or `single-title`, or every rule off by default): a warning that says why', async () => {
    expect(await shown(await files({ '.markdownlint.yml': 'default: true\nMD025: false\n' }))).toEqual([
      "warning 11 More than one title: `# Implementation Changes` is a second H1. Make it a `##` section. (The catalog's markdownlint configuration turns `MD025` off: a warning.)",
    ]);
    expect(await shown(await files({ '.markdownlint-cli2.jsonc': '{\n  // the house rules\n  "config": { "single-title": false }\n}\n' }))).toHaveLength(1);
    expect((await shown(await files({ '.markdownlint.json': '{ "default": false, "MD013": true }' })))[0]).toMatch(/^warning /);
  });

  it('read again when the configuration changes in a process that goes on (dev, the language server)', async () => {
    const dir = await files({ '.markdownlint.yml': 'MD025: true\n' });
    expect((await shown(dir))[0]).toMatch(/^error /);
    await writeFile(path.join(dir, '.markdownlint.yml'), 'MD025: false\n');
    expect((await shown(dir))[0]).toMatch(/^warning /);
  });

  it('with the rule on (by default, or by name): the error', async () => {
    expect(await shown(await files({ '.markdownlint.json': '{ "MD013": false }' }))).toEqual([
      "error 11 More than one title: `# Implementation Changes` is a second H1. Make it a `##` section. (The catalog's markdownlint configuration asks for one H1: `MD025`.)",
    ]);
    expect((await shown(await files({ '.markdownlint.yaml': 'MD025:\n  level: 1\n' })))[0]).toMatch(/^error /);
  });

  it('without such a configuration: a warning for a heading of the author’s (`# Appendix`)', async () => {
    expect(await shown(await files({}))).toEqual([
      "warning 11 More than one title: `# Implementation Changes` is a second H1. Make it a `##` section. (It is none of the template's sections, and no markdownlint configuration of the catalog asks for one H1: a warning.)",
    ]);
    // (A template section written as an H1 there is heading-level's error, not a second title.)
    const dir = await files({});
    await writeFile(path.join(dir, 'adr/001-blocks.md'), '# ADR 1: Fixed block times\n\n## Context\n\nBlocks drift.\n\n# Decision\n\nA timer.\n');
    const levels = (await lint({ root: dir, only: ['title', 'heading-level'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.line} ${d.ruleId}`));
    expect(levels).toEqual(['error 7 heading-level']);
  });
});

describe('title: a placeholder in angle brackets left in the title, unquoted (`# Proposal: <Short Name>`)', () => {
  it('is the one finding: the title keeps the placeholder — not a `# Proposal` section at the wrong level, no missing title', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'TEMPLATE.md', patterns: ['proposals/*.md'] }),
      'TEMPLATE.md': '# Proposal: `<Short Name>`\n\n## Abstract\n\n[A short summary.]\n\n## Background\n\n[The problem.]\n\n## Proposal\n\n[The change.]\n',
      'proposals/quota.md':
        '# Proposal: <Short Name>\n\n## Abstract\n\nWarn owners near their quota.\n\n## Background\n\nDisks fill up unseen.\n\n## Proposal\n\nA banner and an event.\n',
    });
    const found = (await lint({ root: dir })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.line} ${d.ruleId} ${d.message}`));
    expect(found).toEqual([`error 1 title ${placeholder('Proposal: <Short Name>')}`]);
  });
});

describe('title: the title written a level down under a line of badges', () => {
  it('is read as the title, said once at its own line', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'TEMPLATE.md', patterns: ['proposals/*/README.md'] }),
      'TEMPLATE.md': '# [Title]\n\n## Overview\n\nWhat it is.\n\n## Details\n\nHow it works.\n',
      'proposals/alpha/README.md': '# Alpha layers\n\n## Overview\n\nLayers keep edits apart.\n\n## Details\n\nSmall files.\n',
      'proposals/delta/README.md':
        '![Status:Published](https://img.shields.io/badge/Published-green)\n\n## Delta Plate Support\n\n## Overview\n\nA flat image behind the scene.\n\n## Details\n\nA plate has a distance.\n',
    });
    const found = (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity} ${d.message}`));
    expect(found).toEqual([
      'proposals/delta/README.md:3 error The title is written as `## Delta Plate Support`: the template opens each pattern with an H1. Make it `# Delta Plate Support`.',
    ]);
    // (Where the configuration makes the title recommended, a warning: a title at another level is no worse than none.)
    await writeFile(
      path.join(dir, 'patternbook.config.json'),
      JSON.stringify({ template: 'TEMPLATE.md', patterns: ['proposals/*/README.md'], title: { recommended: true } }),
    );
    const loose = (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity}`));
    expect(loose).toEqual(['proposals/delta/README.md:3 warning']);
  });
});

describe('title: a catalog where a good share of the patterns have no title', () => {
  const files = (untitled: number) =>
    tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'templates/rep.md', patterns: ['reps/*.md'] }),
      'templates/rep.md': '# [Title]\n\n## Summary\n\nWhat and why.\n\n## Design\n\nHow.\n',
      ...Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [
          `reps/rep-${i}.md`,
          `${i < untitled ? '' : `# Proposal ${i}\n\n`}## Summary\n\nProposal number ${i}.\n\n## Design\n\nStep ${i}.\n`,
        ]),
      ),
    });
  const shown = async (dir: string) =>
    (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${path.basename(r.file)} ${d.message}`));

  it('is no error of one pattern’s: a warning that says how many have none', async () => {
    const found = await shown(await files(3));
    expect(found).toHaveLength(3);
    expect(found[0]).toBe(
      'warning rep-0.md Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none. 3 of the catalog’s 8 patterns have no title either (the catalog does not keep one in each): a warning.',
    );
  });

  it('one or two without, among many with: errors', async () => {
    expect((await shown(await files(1))).map((f) => f.split(' ')[0])).toEqual(['error']);
  });

  it('counts the untitled ones that are warnings already for another reason (under half of the template)', async () => {
    const dir = await files(1);
    // Two more without a title, each with under half of the template's sections: warnings of their own.
    await writeFile(path.join(dir, 'reps/rep-6.md'), '## Summary\n\nProposal six.\n\n## Notes\n\nLoose.\n');
    await writeFile(path.join(dir, 'reps/rep-7.md'), '## Background\n\nProposal seven.\n');
    const found = await shown(dir);
    expect(found.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['warning rep-0.md', 'warning rep-6.md', 'warning rep-7.md']);
    expect(found[0]).toContain('3 of the catalog’s 8 patterns have no title either');
  });
});

describe('title: written a level down over sections written a level up (the levels swapped)', () => {
  const rfc = '# RFC: <Title>\n\nShort summary.\n\n## Problem Statement\n\nWhat hurts.\n\n## Proposed Solution\n\nWhat to do.\n';
  const shown = async (text: string) => {
    const dir = await tempCatalog({ 'patternbook.config.yaml': 'template: TEMPLATE.md\npatterns: ["rfcs/*.md"]\n', 'TEMPLATE.md': rfc, 'rfcs/delta.md': text });
    return (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`));
  };
  it('is the title, in the wrong place: one warning that says both, never “missing title”', async () => {
    expect(await shown('## RFC: Delta\n\nDelta adds a thing.\n\n# Problem Statement\n\nIt hurts.\n\n# Proposed Solution\n\nStop.\n')).toEqual([
      'warning 1 The title is written as `## RFC: Delta` and the sections above it as H1s (`# Problem Statement`): the levels are swapped. Make it `# RFC: Delta`, and the sections `##` (`lint --fix` moves them down a level and it up).',
    ]);
  });
  it('underlined with dashes (a setext `##`): the title, no finding of its level', async () => {
    expect(await shown('RFC: Delta\n----------\n\nDelta adds a thing.\n\n# Problem Statement\n\nIt hurts.\n\n# Proposed Solution\n\nStop.\n')).toEqual([]);
  });
  it('over sections of the author’s written as H1s: one warning at the title, not “missing” and no second titles', async () => {
    expect(
      await shown('RFC: Delta\n----------\n\n*Draft, spring*\n\n# Background\n\nWhy now.\n\n# The change in detail\n\nIt hurts.\n\n# Further reading\n\nLinks.\n'),
    ).toEqual([
      'warning 1 The title is written as `RFC: Delta` underlined with `-`, an H2, and the sections below it as H1s (`# Background`, and 2 more): the levels are swapped. Make the title an H1 (`# RFC: Delta`) and those sections `##`.',
    ]);
    expect(await shown('## RFC: Delta\n\nDelta adds a thing.\n\n# Background\n\nWhy now.\n')).toEqual([
      'warning 1 The title is written as `## RFC: Delta` and the sections below it as H1s (`# Background`): the levels are swapped. Make the title an H1 (`# RFC: Delta`) and those sections `##`.',
    ]);
  });
});

describe('title: kept in front matter where the template opens with an H1', () => {
  it('is the title in another place: a warning that says where, never “missing title”', async () => {
    const dir = await tempCatalog({
      'patternbook.config.yaml': 'template: template.md\npatterns: ["props/*.md"]\n',
      'template.md': '# <Title>\n\n## Motivation\n\nWhy.\n',
      'props/quieter-logs.md': '---\ntitle: Quieter logs\nstatus: implemented\n---\n\n## Motivation\n\nToo much noise.\n',
      'props/empty-title.md': '---\ntitle: ""\n---\n\n## Motivation\n\nNo name.\n',
    });
    const found = (await lint({ root: dir, only: ['title'] })).results.flatMap((r) => r.diagnostics.map((d) => `${path.basename(r.file)} ${d.severity} ${d.message}`));
    expect(found).toEqual([
      'empty-title.md error Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none (front matter `title` is not used by this template).',
      'quieter-logs.md warning The title is in front matter (`title: Quieter logs`), not where the template keeps it: the template opens each pattern with an H1. Write it as `# Quieter logs` at the top of the text.',
    ]);
  });
});

describe('title: the template’s sample title, a placeholder for certain or maybe a real title', () => {
  const shown = async (files: Record<string, string>) =>
    (await lint({ root: await tempCatalog(files), only: ['title'] })).results.flatMap((r) =>
      r.diagnostics.map((d) => `${d.severity} ${path.basename(r.file)}:${d.line} ${d.message}`),
    );
  // (The template copied from the process document: its other fields are `$VAR`s, its title that document's own.)
  const process = '---\nnum: $NUM\ntitle: Widget Process and Rules\nauthor: $AUTHOR\n---\n\n## Abstract\n\n## Specification\n';
  const proposal = (num: number, title: string) => `---\nnum: ${num}\ntitle: ${title}\nauthor: Pat Doe\n---\n\n## Abstract\n\nHow.\n\n## Specification\n\nWhat.\n`;
  const catalog = (patterns: Record<string, string>, template = process) => ({
    'patternbook.config.yaml': 'template: template.md\npatterns: ["docs/*.md"]\n',
    'template.md': template,
    ...Object.fromEntries(Object.entries(patterns).map(([name, text]) => [`docs/${name}`, text])),
  });

  it('an unmarked, specific sample that one pattern has: a warning that says why (it may be that pattern’s own title)', async () => {
    expect(await shown(catalog({ 'wp-1.md': proposal(1, 'Widget Process and Rules'), 'wp-2.md': proposal(2, 'Round widgets') }))).toEqual([
      "warning wp-1.md:1 The title is the template's sample “Widget Process and Rules”, but that sample has no placeholder's marks or words and no other pattern has it: it may be this pattern's real title (the template copied from this pattern, or part of a page about the process). A warning; if it is left over, name the pattern.",
    ]);
  });

  it('the same sample kept by several patterns: left over, errors that say how many', async () => {
    const found = await shown(catalog({ 'wp-1.md': proposal(1, 'Widget Process and Rules'), 'wp-2.md': proposal(2, 'Widget process and rules') }));
    expect(found).toEqual([
      "error wp-1.md:1 The title is still the template's sample “Widget Process and Rules”: name the pattern. (2 patterns have it.)",
      "error wp-2.md:1 The title is still the template's sample “Widget process and rules”: name the pattern. (2 patterns have it.)",
    ]);
  });

  it('a sample that is a placeholder by its words (`Your Proposal Title`, `Neat Idea`) or its numbers (`Service 1 to Service 2`): an error, one pattern or more', async () => {
    for (const sample of ['Your Proposal Title', 'Neat Enhancement Idea', 'Queue 1 to Queue 2']) {
      const template = process.replace('Widget Process and Rules', sample);
      const found = await shown(catalog({ 'wp-1.md': proposal(1, sample), 'wp-2.md': proposal(2, 'Round widgets') }, template));
      // (`Your …` the template reads as a placeholder of a shape; the others are samples.)
      expect(found).toEqual([`error wp-1.md:1 The title is still the template's ${sample.startsWith('Your') ? 'placeholder' : 'sample'} “${sample}”: name the pattern.`]);
    }
  });

  it('the front matter title the template’s too, under its title line: both said, neither suggested as the name', async () => {
    const template = '---\ntitle: Shiny-new-idea\nauthor: "@someone"\n---\n\n# Shiny New Idea\n\nSay what the idea is.\n\n## Summary\n\nOne paragraph.\n';
    const text = '---\ntitle: Shiny-new-idea\nauthor: "@drainer"\n---\n\n# Shiny New Idea\n\nDrain the work queue.\n\n## Summary\n\nWorkers finish their jobs first.\n';
    const found = await lint({ root: await tempCatalog(catalog({ 'queue-drain.md': text }, template)), only: ['title'] });
    const diagnostics = found.results.flatMap((r) => r.diagnostics);
    expect(diagnostics.map((d) => `${d.severity} ${d.line} ${d.message}`)).toEqual([
      "error 6 The title line is still the template's sample “Shiny New Idea”, and so is the front matter `title: Shiny-new-idea`: name the pattern in both.",
    ]);
    expect(diagnostics[0]!.expected).toBeUndefined();
  });
});

describe('title: written as a label (`**Title:** …`) where the template keeps it elsewhere', () => {
  const template = '---\ntitle: Short name of the idea\nstatus: Draft\n---\n\n## Abstract\n\n## Specification\n';
  const shown = async (text: string, tpl = template) =>
    (
      await lint({
        root: await tempCatalog({ 'patternbook.config.yaml': 'template: template.md\npatterns: ["docs/*.md"]\n', 'template.md': tpl, 'docs/n-7.md': text }),
        only: ['title'],
      })
    ).results.flatMap((r) => r.diagnostics.map((d) => `${d.line} ${d.message}`));

  it('a `**Title:**` line of the header: says where it is and where the template keeps it, never “missing title”', async () => {
    expect(await shown('**num**: 7\n**Title:** Shared garden tools\n**Author:** @someone\n\n## Abstract\n\nTools.\n\n## Specification\n\nA shed.\n')).toEqual([
      '2 This template keeps the title in front matter `title:`; this file has it as the `**Title:** Shared garden tools` line: set `title: Shared garden tools` in the front matter.',
    ]);
  });

  it('a `## **Title:** …` heading among headings that are labels', async () => {
    expect(await shown('## **num:** N-\n\n## **Title:** Quiet hours\n\n## **status:** Draft\n\n## Abstract\n\nNo power tools.\n\n## Specification\n\nA sign.\n')).toEqual(
      [
        '3 This template keeps the title in front matter `title:`; this file has it as the `## **Title:** Quiet hours` heading: set `title: Quiet hours` in the front matter.',
      ],
    );
  });

  it('where the template opens with an H1: the same, with the H1 to write', async () => {
    const h1 = '# [Pattern Title]\n\n## Abstract\n\nWhat.\n\n## Specification\n\nHow.\n';
    expect(await shown('**Title:** Shared garden tools\n**Author:** @someone\n\n## Abstract\n\nTools.\n\n## Specification\n\nA shed.\n', h1)).toEqual([
      '1 The template opens each pattern with an H1; this file has its title as the `**Title:** Shared garden tools` line: write it as `# Shared garden tools` at the top of the text.',
    ]);
  });

  it('the name on the first line as plain text, or after a label of another language (`标题：…`), over a table of fields: the title line without its `#`', async () => {
    const h1 = '# [Pattern Title]\n\n## Abstract\n\nWhat.\n\n## Specification\n\nHow.\n';
    const table = '| Field | Value |\n| --- | --- |\n| Author | someone |\n\n## Abstract\n\nTools.\n\n## Specification\n\nA shed.\n';
    expect(await shown(`Shared garden tools design\n\n${table}`, h1)).toEqual([
      '1 The template opens each pattern with an H1; this file has its title on line 1 as plain text, `Shared garden tools design`: make it `# Shared garden tools design`.',
    ]);
    expect(await shown(`标题：共享园艺工具\n${table}`, h1)).toEqual([
      '1 The template opens each pattern with an H1; this file has its title as the `标题：共享园艺工具` line: write it as `# 共享园艺工具` at the top of the text.',
    ]);
    // (A first line that is a sentence, a note or a label of another field is no title: the title is missing.)
    for (const first of ['This page is a draft of the idea.', '*Work in progress*', 'Status: Draft'])
      expect(await shown(`${first}\n\n${table}`, h1)).toEqual(['1 Missing title: the template opens each pattern with an H1 (`# …`), and this pattern has none.']);
    // (Nor is a MyST target, `(garden-tools)=`, the name links use for the heading after it: said as the same file without it is.)
    const body = '## Shared garden tools\n\nA shed.\n\n## Abstract\n\nTools.\n\n## Specification\n\nA shed.\n';
    const unline = (lines: string[]) => lines.map((l) => l.replace(/^\d+ /, ''));
    expect(unline(await shown(`(garden-tools)=\n\n${body}`, h1))).toEqual(unline(await shown(body, h1)));
    expect(await shown(body, h1)).toEqual([
      '1 The title is written as `## Shared garden tools`: the template opens each pattern with an H1. Make it `# Shared garden tools`.',
    ]);
  });
});

describe('title: a sample heading most of the catalog keeps', () => {
  it('is a label the template has every pattern keep (`# Header` over each one’s fields), not a title left unnamed: no finding; kept by two of many, still an error', async () => {
    const template = '# Header\n\n- Label: (the proposal’s name)\n\n## Abstract\n\nShort.\n';
    const doc = (n: number, head = '# Header') => `${head}\n\n- Label: Proposal ${n}\n\n## Abstract\n\nAbout proposal ${n}.\n`;
    const files: Record<string, string> = { 'templates/pattern.md': template, 'patternbook.config.json': JSON.stringify({ template: 'templates/pattern.md' }) };
    for (let n = 1; n <= 6; n++) files[`p${n}/README.md`] = doc(n);
    const kept = await lint({ root: await tempCatalog(files), only: ['title'] });
    expect(kept.results.flatMap((r) => r.diagnostics.map((d) => d.message))).toEqual([]);
    for (let n = 3; n <= 6; n++) files[`p${n}/README.md`] = doc(n, `# Proposal ${n}`);
    const two = await lint({ root: await tempCatalog(files), only: ['title'] });
    expect(two.results.flatMap((r) => r.diagnostics.map((d) => d.severity))).toEqual(['error', 'error']);
  });
});

describe('title: a tag in the marks the template closes its title with', () => {
  it('`Safe cookies [Web]` for `Short Article Title [Area]` fills the tag (the catalog keeps the brackets); the tag left as it is stays a placeholder', async () => {
    const template = '# Short Article Title [Area]\n\n## Overview\n\nWhat it covers.\n';
    const { lintOne } = await import('./_lint-one.js');
    expect((await lintOne('title', '# Safe cookies handling [Web]\n\n## Overview\n\nCookies.\n', { template })).shown).toEqual([]);
    expect((await lintOne('title', '# Safe cookies handling [Area]\n\n## Overview\n\nCookies.\n', { template })).shown).toHaveLength(1);
  });
});

describe('title: the title a level below the template’s title heading, above the template’s sections', () => {
  it('is read as the title (the site’s name for the pattern), said as a warning with the template’s level, not missing', async () => {
    const dir = await tempCatalog({
      'patternbook.config.json': JSON.stringify({ template: 'notes/template.md', patterns: ['notes/*.md'], exclude: ['notes/template.md'] }),
      'notes/template.md':
        '## Template\n\nThe layout of each entry:\n\n#### Short name\n\nA catchy name\n\n#### Bad approach\n\nWhat people do\n\n#### Better approach\n\nWhat to do instead\n',
      'notes/locked-files.md':
        '### Locked behind a form\n\n#### Short name\n\nThe gate\n\n#### Bad approach\n\nFiles sit behind a sign-up form.\n\n#### Better approach\n\nA plain download link.\n',
      'notes/weekly-names.md':
        '### A new file name each week\n\n#### Short name\n\nThe shuffle\n\n#### Bad approach\n\nThe name changes with the date.\n\n#### Better approach\n\nOne stable address.\n',
    });
    const result = await lint({ root: dir });
    const found = result.results.flatMap((r) => r.diagnostics.map((d) => `${r.path}:${d.line} ${d.severity} ${d.ruleId} ${d.message}`));
    expect(found).toEqual([
      'notes/locked-files.md:1 warning title The title is written as `### Locked behind a form`: the template writes its title as a `##` heading. Make it `## Locked behind a form`.',
      'notes/weekly-names.md:1 warning title The title is written as `### A new file name each week`: the template writes its title as a `##` heading. Make it `## A new file name each week`.',
    ]);
  });
});

describe('title: the title a level down over sections at the template’s level, no H1 anywhere', () => {
  it('is said as a title written a level down, not as a missing one', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '# [Team name]\n\n## Mission\n\nWhat for.\n\n## Members\n\nWho.\n';
    const text = '## Example team charter\n\n## Mission\n\nKeep blobs.\n\n### Members\n\nAda, Ben.\n';
    const found = await lintOne('title', text, { template });
    expect(found.diagnostics.map((d) => `${d.line} ${d.severity} ${d.message}`)).toEqual([
      '1 error The title is written as `## Example team charter`: the template opens each pattern with an H1. Make it `# Example team charter`.',
    ]);
  });
});

describe('title: front matter below a blank first line, where the template keeps the title there', () => {
  it('is front-matter-syntax’s one finding: no second one telling to set the `title:` the file has', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '---\ntitle: "[Feature name]"\n---\n\n## Summary\n\nIn short.\n';
    const text = '\n---\ntitle: Seed swap shelf\n---\n\n## Summary\n\nA shelf for seeds.\n';
    expect((await lintOne('title', text, { template })).shown).toEqual([]);
    const syntax = await lintOne('front-matter-syntax', text, { template });
    expect(syntax.diagnostics.map((d) => `${d.line} ${d.message.slice(0, 30)}`)).toEqual(['2 Front matter after a blank lin']);
    // (Without the front matter at all, the title is missing.)
    expect((await lintOne('title', '## Summary\n\nA shelf for seeds.\n', { template })).diagnostics).toHaveLength(1);
  });
});

describe('title: a stub named by its one `##` heading', () => {
  it('is told its title is a level down as a warning (under half of the template, it may follow another), with the fix', async () => {
    const { lintOne } = await import('./_lint-one.js');
    const template = '# [Name]\n\n## Summary\n\nIn brief.\n\n## Motivation\n\nWhy.\n\n## Design\n\nHow.\n';
    const found = await lintOne('title', '## Unglazed kiln shelves\n\nA placeholder for the shelves design.\n', { template });
    expect(found.diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 60)}`)).toEqual(['warning The title is written as `## Unglazed kiln shelves`: the temp']);
    expect(found.diagnostics[0]!.message).toContain('under half of the template’s sections');
  });
});

describe('title: a table of contents first, in a file with no H1', () => {
  it('`## Table of Contents generated with DocToc` names nothing: the title is missing, said so, never "make it `# Table of Contents…`"', async () => {
    const template = '# [Project Name]: Analysis\n\n## Introduction\n\nWhat.\n\n## Risks\n\nWhich.\n';
    const text =
      '<!-- START doctoc -->\n\n## **Table of Contents** _generated with [DocToc](https://github.com/thlorenz/doctoc)_\n\n- [Introduction](#introduction)\n\n<!-- END doctoc -->\n\n## Introduction\n\nLids.\n\n## Risks\n\nHeat.\n';
    const found = await lintOne('title', text, { template });
    expect(found.shown).toEqual([expect.stringContaining('Missing title')]);
    expect(found.shown.join(' ')).not.toContain('Table of Contents');
  });
});

describe('title: written a level down in a pattern older than the template', () => {
  it('is a warning that says the pattern predates the template’s first version (git history); a newer one is still an error', async () => {
    const root = await tempCatalog({ 'patternbook.config.json': JSON.stringify({ template: 'templates/design.md', patterns: ['design/*.md'] }) });
    await mkdir(path.join(root, 'design'), { recursive: true });
    await writeFile(path.join(root, 'design/mirrors.md'), '## Bucket mirrors\n\nCopies between sites.\n\n## Details\n\nNightly.\n');
    gitAt(root, undefined, 'init', '-q');
    gitAt(root, '2019-11-26T00:00:00Z', 'add', '-A');
    gitAt(root, '2019-11-26T00:00:00Z', 'commit', '-qm', 'old design');
    await mkdir(path.join(root, 'templates'), { recursive: true });
    await writeFile(path.join(root, 'templates/design.md'), '# Feature Name\n\n## Summary\n\nWhat.\n\n## Details\n\nHow.\n');
    await writeFile(path.join(root, 'design/quotas.md'), '## Bucket quotas\n\nLimits per bucket.\n\n## Details\n\nEnforced on write.\n');
    gitAt(root, '2020-06-10T00:00:00Z', 'add', '-A');
    gitAt(root, '2020-06-10T00:00:00Z', 'commit', '-qm', 'template and a newer design');
    const report = await lint({ root, only: ['title'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toEqual([
      'design/mirrors.md warning The title is written as `## Bucket mirrors`: the template opens each pattern with an H1. Make it `# Bucket mirrors`. This pattern was written before the template’s first version (2020-06-10; its git history, or the date it gives itself): the layout of its time. A warning.'.replace(
        'template’s first',
        "template's first",
      ),
      'design/quotas.md error The title is written as `## Bucket quotas`: the template opens each pattern with an H1. Make it `# Bucket quotas`.',
    ]);
  });
});

describe('title: the title line without its `#`, in the template’s title shape', () => {
  const template = '# Proposal: `<Short Name>`\n\nAuthor: `<Your Name>`\n\n## Abstract\n\nIn brief.\n\n## Background\n\nWhy.\n';
  const plain = (name: string) => `Proposal: ${name}\n\nAuthor: Kim Lee\n\n## Abstract\n\n${name} in brief.\n\n## Background\n\nWhy ${name}.\n`;
  it('is read as the title (its label line after it too), and where a tenth of the catalog writes it so, a warning that says how many', async () => {
    const files: Record<string, string> = {
      'templates/proposal.md': template,
      'patternbook.config.json': JSON.stringify({ template: 'templates/proposal.md', patterns: ['p/*.md'] }),
      'p/robots.md': plain('Robot accounts'),
      'p/quotas.md': plain('Project quotas'),
      'p/tracing.md': plain('Distributed tracing'),
      'p/audit.md': '# Proposal: Audit log\n\nAuthor: Ana Ruiz\n\n## Abstract\n\nAudit in brief.\n\n## Background\n\nWhy audit.\n',
    };
    const root = await tempCatalog(files);
    const { loadCatalog } = await import('../../../src/catalog/load-catalog.js');
    const catalog = await loadCatalog(root);
    expect(Object.fromEntries(catalog.patterns.map((p) => [p.slug, p.title?.text]))).toEqual({
      audit: 'Proposal: Audit log',
      quotas: 'Proposal: Project quotas',
      robots: 'Proposal: Robot accounts',
      tracing: 'Proposal: Distributed tracing',
    });
    const report = await lint({ root, only: ['title'] });
    expect(report.results.flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.severity} ${d.message}`))).toContain(
      "p/robots.md warning The template opens each pattern with an H1; this file has its title on line 1 as plain text, `Proposal: Robot accounts`: make it `# Proposal: Robot accounts`. 3 of the catalog's 4 patterns write their title so: a warning.",
    );
  });
});
