// Units live at the data boundary: YAML carries labelled strings ("96.2 GB", "32 GiB",
// "1792 GB/s"); everything past the schemas is plain bytes and bytes per second.
// GB is 10^9 bytes (file listings, bandwidth); GiB is 2^30 bytes (VRAM, RAM). Never mixed.
// Runs in the build, the CLI and the browser: no node:, no astro:.

export const KB = 1e3;
export const MB = 1e6;
export const GB = 1e9;
export const TB = 1e12;
export const KiB = 2 ** 10;
export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
export const TiB = 2 ** 40;

const sizeMultipliers: Record<string, number> = {
  B: 1, KB, MB, GB, TB, KiB, MiB, GiB, TiB,
};

/** "96.2 GB", "32 GiB", "1.8 TB", "858 MB": a number, one space, a unit. */
export const SIZE_PATTERN = '^[0-9]+(\\.[0-9]+)?\\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$';
/** "1792 GB/s", "89.6 GB/s", "7 GB/s", "1.8 TB/s". */
export const BANDWIDTH_PATTERN = '^[0-9]+(\\.[0-9]+)?\\s?(MB|GB|TB|MiB|GiB|TiB)/s$';

const sizeRe = new RegExp(SIZE_PATTERN);
const bandwidthRe = new RegExp(BANDWIDTH_PATTERN);

/** Bytes in a size string, or undefined when the string is not one. */
export function parseSizeBytes(text: string): number | undefined {
  const match = sizeRe.exec(text.trim());
  if (!match) return undefined;
  const [value, unit] = splitValueUnit(text.trim());
  return Math.round(value * sizeMultipliers[unit]!);
}

/** Bytes per second in a bandwidth string, or undefined when the string is not one. */
export function parseBandwidthBytesPerSecond(text: string): number | undefined {
  const match = bandwidthRe.exec(text.trim());
  if (!match) return undefined;
  const [value, unit] = splitValueUnit(text.trim().slice(0, -2));
  return Math.round(value * sizeMultipliers[unit]!);
}

function splitValueUnit(text: string): [number, string] {
  const unit = /[A-Za-z]+$/.exec(text)![0];
  return [Number(text.slice(0, -unit.length).trim()), unit];
}

/** "96.2 GB": decimal gigabytes, the unit model files are published in. */
export function formatGB(bytes: number, digits = 1): string {
  return `${(bytes / GB).toFixed(digits)} GB`;
}

/** "24.0 GiB": binary gibibytes, the unit VRAM and RAM come in. */
export function formatGiB(bytes: number, digits = 1): string {
  return `${(bytes / GiB).toFixed(digits)} GiB`;
}

/**
 * A file's size by the site's one unit rule: GiB, like every memory figure it is compared
 * with, and the GB a model hub lists beside it, so a reader can find the file: "100.0 GiB (107.4 GB)".
 */
export function formatFileSize(bytes: number): string {
  return `${formatGiB(bytes)} (${formatGB(bytes)})`;
}

/** Decode and prefill speeds, one rounding everywhere: whole tokens from 10 up, tenths below. */
export function formatTokensPerSecond(tokensPerSecond: number): string {
  const rounded = tokensPerSecond >= 10 ? Math.round(tokensPerSecond) : Math.round(tokensPerSecond * 10) / 10;
  return `${rounded.toLocaleString('en-US')} tok/s`;
}

/** "1792 GB/s". */
export function formatBandwidth(bytesPerSecond: number): string {
  const gbps = bytesPerSecond / GB;
  return `${gbps >= 100 ? gbps.toFixed(0) : gbps.toFixed(1)} GB/s`;
}
