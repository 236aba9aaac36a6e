// Frontmatter of a hand-written post in src/content/posts/.
import { z } from 'zod';

export const postFrontmatter = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  /** Publication day, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written like 2026-05-07' }),
  draft: z.boolean().optional(),
});

export type PostFrontmatter = z.output<typeof postFrontmatter>;
