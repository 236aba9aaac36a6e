// The frontmatter of a generated report: what the home page, feeds and share cards list
// without rendering the body. One zod schema, used by the generator's test and by
// src/content.config.ts, so the two cannot drift.
import { z } from 'zod';
import { yamlString } from './escape.ts';

export const VERDICTS = ['runs', 'runs-slowly', 'not-ready', 'cloud-only'] as const;

export const reportFrontmatter = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** Model id: the file name in data/models and the URL slug. */
  model: z.string().min(1),
  modelName: z.string().min(1),
  rig: z.string().min(1),
  rigName: z.string().min(1),
  verdict: z.enum(VERDICTS),
  reason: z.string().min(1),
  pick: z.string().nullable(),
  /** The newest day the data records something about this model. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type ReportFrontmatter = z.output<typeof reportFrontmatter>;

export function frontmatterBlock(data: ReportFrontmatter): string {
  const lines = Object.entries(data).map(([key, value]) => `${key}: ${value === null ? 'null' : yamlString(String(value))}`);
  return ['---', ...lines, '---'].join('\n');
}
