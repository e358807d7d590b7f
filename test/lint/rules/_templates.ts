/** A template with nested, optional and repeatable sections, shared by the rule tests of the outline (required-section, section-order). */
export const OUTLINE_TEMPLATE = `# [Pattern Title]

## Overview

Describe the problem this pattern solves.

## Architecture

### Components

List the components.

### Data Flow

Explain how data moves.

## Implementation

### Step 1: [First Step Title]

Detailed instructions for the first step.

## Notes
<!-- optional -->

Add anything else worth knowing.

## Cleanup

How to remove everything.
`;

// Templates of the summary rules' tests (summary, summary-length): where each keeps its summary.

/** The summary is the blockquote after the title. */
export const SUMMARY_TEMPLATE = `# [Pattern Title]

> Brief one-sentence description of what this pattern does

## Overview

Describe the problem this pattern solves.
`;

/** The summary is front matter \`description\` (the template has no H1). */
export const SUMMARY_FRONT_MATTER_TEMPLATE = `---
title: "[Pattern Title]"
description: "[One sentence that says what the pattern does]"
---

## Context

Describe the forces at play.
`;

/** The summary is a section of its own, and the template asks for two sentences. */
export const SUMMARY_SECTION_TEMPLATE = `## Synopsis

In two sentences: the problem, then the answer.

## Problem

What hurts.
`;

/** The summary is a section of its own; nothing says how long. */
export const SUMMARY_OPEN_SECTION_TEMPLATE = `## Summary

<!-- A paragraph or more: what changes, for whom. -->

## Motivation

Why now.
`;
