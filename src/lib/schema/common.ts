// Building blocks shared by every data schema. Each field says what it holds and in
// which unit (.describe() text reaches contributors' editors through JSON Schema).
import { z } from 'zod';
import { BANDWIDTH_PATTERN, SIZE_PATTERN, parseBandwidthBytesPerSecond, parseSizeBytes } from '../units.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** How a field's values are written, for validation messages: what is expected (with an example) and a likely fix. */
export interface FieldHelp {
  expected: string;
  hint?: string;
}
/** Field kinds with a written form (sizes, dates, web addresses, ids); read by src/lib/data/zod-problems.ts. */
export const fieldHelp = z.registry<FieldHelp>();

/** A calendar date. YAML loaders differ (js-yaml gives a Date, `yaml` a string): both become "YYYY-MM-DD". */
export const isoDate = z
  .union([
    z.string().regex(DATE_RE, { error: 'expected a date written like 2026-05-07' }),
    z.date().transform((d) => d.toISOString().slice(0, 10)),
  ])
  // Only for text the pattern accepted: a mistyped date is reported once, by the pattern.
  .refine((s) => !DATE_RE.test(s) || (!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)), {
    error: 'there is no such day: check that the month is 01-12 and the day exists in that month',
  })
  .register(fieldHelp, {
    expected: 'a date written like 2026-05-07 (year-month-day)',
    hint: 'write the day as YYYY-MM-DD, e.g. 2026-05-07, without quotes',
  });

export const httpUrl = z.url({ protocol: /^https?$/, error: 'a web address starts with https:// (or http://)' }).register(fieldHelp, {
  expected: 'a full web address, e.g. https://huggingface.co/Qwen/Qwen3.5-35B-A3B',
  hint: 'paste the whole address, starting with https://',
});

/** A size such as "96.2 GB" or "32 GiB", converted to bytes. */
export const sizeBytes = z
  .string()
  .regex(new RegExp(SIZE_PATTERN), { error: 'sizes are written like "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)' })
  .transform((text) => parseSizeBytes(text)!)
  .refine((bytes) => bytes > 0, { error: 'a size is above zero' })
  .register(fieldHelp, {
    expected: 'a size with its unit, e.g. "96.2 GB" (10^9 bytes) or "32 GiB" (2^30 bytes)',
    hint: 'sizes are written like "96.2 GB": a number, a space, then B, KB, MB, GB, TB, KiB, MiB, GiB or TiB (file sizes in GB as Hugging Face lists them, VRAM and RAM in GiB)',
  });

/** A bandwidth such as "1792 GB/s", converted to bytes per second. */
export const bandwidthBytesPerSecond = z
  .string()
  .regex(new RegExp(BANDWIDTH_PATTERN), { error: 'bandwidths are written like "1792 GB/s" (10^9 bytes per second)' })
  .transform((text) => parseBandwidthBytesPerSecond(text)!)
  .refine((v) => v > 0, { error: 'a bandwidth is above zero' })
  .register(fieldHelp, {
    expected: 'a bandwidth with its unit, e.g. "1792 GB/s" (10^9 bytes per second)',
    hint: 'bandwidths are written like "1792 GB/s": a number, a space, then MB/s, GB/s or TB/s',
  });

export const positiveNumber = z.number().finite().positive();
export const positiveInt = z.number().int().positive();
export const nonNegativeInt = z.number().int().nonnegative();

/** Lowercase file-name ids: "llama-cpp", "qwen3.5-35b-a3b". */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'ids use lowercase letters, digits, dots and dashes only' }).register(fieldHelp, {
  expected: 'an id like "llama-cpp" or "qwen3.5-35b-a3b": the file name without .yaml',
  hint: 'ids use lowercase letters, digits, dots and dashes only',
});

export const sources = z
  .array(httpUrl)
  .min(1, { error: 'expected at least one source URL for the numbers in this file' })
  .describe('Where every number in this file comes from: web addresses of model cards, configs, file listings, spec sheets.');

/** The editor hint line every data file starts with. */
export const schemaComment = (kind: string) => `# yaml-language-server: $schema=../../schemas/${kind}.schema.json`;
