import { z } from 'zod';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i;

/** The configuration file's shape; unknown keys are errors so typos never pass silently. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  template: z.string().min(1).optional(),
  patterns: z.array(z.string().min(1)).min(1).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  outDir: z.string().min(1).optional(),
  maxFileSize: z.union([z.number().int().positive(), z.string().regex(SIZE, 'expected a size such as "5 MB"')]).optional(),
  sections: z
    .record(
      z.string(),
      z.strictObject({
        optional: z.boolean().optional(),
        aliases: z.array(z.string().min(1)).optional(),
      }),
    )
    .optional(),
  placeholders: z
    .strictObject({
      add: z.array(z.string().min(1)).optional(),
      ignore: z.array(z.string().min(1)).optional(),
    })
    .optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

export const CONFIG_KEYS = Object.keys(configSchema.shape).filter((k) => k !== '$schema');

export const DEFAULTS = {
  patterns: ['*/README.md'],
  exclude: [] as string[],
  outDir: '_site',
  maxFileSize: 5 * 1024 * 1024,
};

export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const m = SIZE.exec(value)!;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[m[2]!.toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.round(Number(m[1]) * unit);
}
