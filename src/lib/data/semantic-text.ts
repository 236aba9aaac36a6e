// Numbers written the way the data writes them, for semantic-check messages: a contributor
// compares "21.2 GB" with the line in their file, not 21200000000.
import { GB, GiB, MB, TB } from '../units.ts';

/** A file size in the unit it most likely was meant in: "2.1 GB", "4.92 MB", "1.2 TB". */
export function bytesText(bytes: number): string {
  if (bytes >= TB) return `${round(bytes / TB)} TB`;
  if (bytes >= GB) return `${round(bytes / GB)} GB`;
  if (bytes >= MB) return `${round(bytes / MB)} MB`;
  return `${Math.round(bytes)} B`;
}

/** Memory as it is sold and written in rigs: "32 GiB". */
export function gibText(bytes: number): string {
  return `${round(bytes / GiB)} GiB`;
}

/** "1792 GB/s" as spec sheets write it; whole terabytes as "2 TB/s". */
export function bandwidthText(bytesPerSecond: number): string {
  const tb = bytesPerSecond / TB;
  return tb >= 1 && Number.isInteger(tb) ? `${tb} TB/s` : `${round(bytesPerSecond / GB)} GB/s`;
}

/** Three significant digits (whole numbers from 100 up), no trailing zeros: 21.2, 4.92, 0.00482, 1792. */
export function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(3)));
}

