// Measured decode speed for a model, rig and file, from data/measurements (median of rows
// at an empty or unstated context depth).
import type { MeasurementFile } from '../schema/index.ts';

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Index = Map<string, Map<string, Map<string, number>>>;
const indexes = new WeakMap<MeasurementFile[], Index>();

/** Rows grouped once per measurement list, model -> rig -> quant -> median decode. */
function indexOf(files: MeasurementFile[]): Index {
  let index = indexes.get(files);
  if (!index) {
    const groups = new Map<string, number[]>();
    for (const file of files)
      for (const row of file.rows)
        if (row.decode_tokens_per_second !== undefined && !row.context_depth) {
          const key = JSON.stringify([row.model, row.rig, row.quant]);
          groups.set(key, [...(groups.get(key) ?? []), row.decode_tokens_per_second]);
        }
    index = new Map();
    for (const [key, values] of groups) {
      const [model, rig, quant] = JSON.parse(key) as [string, string, string];
      if (!index.has(model)) index.set(model, new Map());
      const byRig = index.get(model)!;
      if (!byRig.has(rig)) byRig.set(rig, new Map());
      byRig.get(rig)!.set(quant, median(values)!);
    }
    indexes.set(files, index);
  }
  return index;
}

const NONE = new Map<string, number>();

/** Measured decode by quant name for one model on one rig. */
export function measuredDecodes(files: MeasurementFile[], model: string, rig: string): ReadonlyMap<string, number> {
  return indexOf(files).get(model)?.get(rig) ?? NONE;
}
