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

/**
 * Why a web address is not a public source, or undefined when it is one. Sources are links
 * readers follow from the published site: a password in the address would be published, and
 * this machine, a private network or a link-local address (cloud metadata at 169.254.169.254)
 * is nothing a reader can open and something a link should never point at. WHATWG URL
 * parsing has already turned 2130706433, 0x7f.1 and [::ffff:127.0.0.1] into their plain forms.
 */
function notPublic(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined; // the format check says what is wrong
  }
  if (!/^https?:$/.test(url.protocol)) return undefined; // so does the protocol check
  if (url.username || url.password) return 'a user name or password in a published address: remove the "name:password@" part';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (/^\[.*\]$/.test(host)) {
    const ip = host.slice(1, -1);
    if (/^(::1?|::ffff:.*|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*)$/.test(ip)) return `${host} is a loopback, private or link-local address: link a public page instead`;
    return undefined;
  }
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host)?.slice(1).map(Number);
  if (v4) {
    const [a, b] = v4 as [number, number];
    const local = a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
    return local ? `${host} is a loopback, private or link-local address: link a public page instead` : undefined;
  }
  if (!host.includes('.') || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host)) return `${host} is not a public host name: link a page anyone can open, e.g. on huggingface.co or github.com`;
  return undefined;
}

export const httpUrl = z
  .url({ protocol: /^https?$/, error: 'a web address starts with https:// (or http://)' })
  .superRefine((address, ctx) => {
    const why = notPublic(address);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  })
  .register(fieldHelp, {
    expected: 'a full web address of a public page, e.g. https://huggingface.co/Qwen/Qwen3.5-35B-A3B',
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
