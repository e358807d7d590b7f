/** The lint report formats (`--format`), named apart from the reporters themselves so the command line can offer them without loading them. */
export const REPORTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;

export type ReporterName = (typeof REPORTER_NAMES)[number];
