// Building blocks shared by every data schema. Each field says what it holds and in
// which unit (.describe() text reaches contributors' editors through JSON Schema).
import { z } from 'zod';
import { BANDWIDTH_PATTERN, SIZE_PATTERN, parseBandwidthBytesPerSecond, parseSizeBytes } from '../units.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date. YAML loaders differ (js-yaml gives a Date, `yaml` a string): both become "YYYY-MM-DD". */
export const isoDate = z
  .union([
    z.string().regex(DATE_RE, { error: 'expected a date written like 2026-05-07' }),
    z.date().transform((d) => d.toISOString().slice(0, 10)),
  ])
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'expected a real calendar date written like 2026-05-07',
  });

export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected a full web address starting with https://' });

/** A size such as "96.2 GB" or "32 GiB", converted to bytes. */
export const sizeBytes = z
  .string()
  .regex(new RegExp(SIZE_PATTERN), { error: 'sizes are written like "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)' })
  .transform((text) => parseSizeBytes(text)!)
  .refine((bytes) => bytes > 0, { error: 'expected a size above zero' });

/** A bandwidth such as "1792 GB/s", converted to bytes per second. */
export const bandwidthBytesPerSecond = z
  .string()
  .regex(new RegExp(BANDWIDTH_PATTERN), { error: 'bandwidths are written like "1792 GB/s" (10^9 bytes per second)' })
  .transform((text) => parseBandwidthBytesPerSecond(text)!)
  .refine((v) => v > 0, { error: 'expected a bandwidth above zero' });

export const positiveNumber = z.number().finite().positive();
export const positiveInt = z.number().int().positive();
export const nonNegativeInt = z.number().int().nonnegative();

/** Lowercase file-name ids: "llama-cpp", "qwen3.5-35b-a3b". */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'expected an id like "llama-cpp" (lowercase letters, digits, dots, dashes)' });

export const sources = z
  .array(httpUrl)
  .min(1, { error: 'expected at least one source URL for the numbers in this file' })
  .describe('Where every number in this file comes from: web addresses of model cards, configs, file listings, spec sheets.');

/** The editor hint line every data file starts with. */
export const schemaComment = (kind: string) => `# yaml-language-server: $schema=../../schemas/${kind}.schema.json`;
