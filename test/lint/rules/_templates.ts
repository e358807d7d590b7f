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
