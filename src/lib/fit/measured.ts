// Measured decode speed for a model, rig and file, from data/measurements (median of rows
// at an empty or unstated context depth).
import type { MeasurementFile } from '../schema/index.ts';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function measuredDecode(files: MeasurementFile[], model: string, rig: string, quant: string): number | null {
  const values: number[] = [];
  for (const file of files)
    for (const row of file.rows)
      if (row.model === model && row.rig === rig && row.quant === quant && row.decode_tokens_per_second !== undefined && !row.context_depth)
        values.push(row.decode_tokens_per_second);
  return median(values);
}
